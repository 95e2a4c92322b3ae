package io.dbprovision.operator.backup.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Objects in an S3 bucket (AWS or an S3-compatible server). The storage owns its client; close it
 * with {@link #close()}.
 */
public final class S3Storage implements BackupStorage, AutoCloseable {
  /** Bytes per multipart part; S3 needs at least 5 MiB for every part but the last. */
  public static final int PART_SIZE = 8 * 1024 * 1024;

  /**
   * How to reach a bucket.
   *
   * @param endpoint URL of an S3-compatible server, or null for AWS
   * @param region region of the bucket
   * @param bucket bucket name
   * @param forcePathStyle address the bucket in the path rather than the host name
   * @param accessKeyId access key id
   * @param secretAccessKey secret access key (never printed)
   */
  public record Settings(
      String endpoint,
      String region,
      String bucket,
      boolean forcePathStyle,
      String accessKeyId,
      String secretAccessKey) {
    @Override
    public String toString() {
      return "s3://" + bucket + (endpoint == null ? "" : " at " + endpoint) + " (" + region + ")";
    }
  }

  private final S3Client client;
  private final String bucket;
  private final String description;
  private final int partSize;

  S3Storage(S3Client client, String bucket, String description, int partSize) {
    this.client = client;
    this.bucket = bucket;
    this.description = description;
    this.partSize = partSize;
  }

  /** A storage for the bucket in {@code settings}, with its own HTTP client. */
  public static S3Storage connect(Settings settings) {
    var builder =
        S3Client.builder()
            .region(Region.of(settings.region()))
            .forcePathStyle(settings.forcePathStyle())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        settings.accessKeyId(), settings.secretAccessKey())));
    if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
      builder.endpointOverride(URI.create(settings.endpoint()));
    }
    return new S3Storage(builder.build(), settings.bucket(), settings.toString(), PART_SIZE);
  }

  @Override
  public Upload create(String key) {
    return new MultipartUpload(ObjectKeys.requireValid(key));
  }

  @Override
  public InputStream open(String key) throws IOException {
    try {
      return client.getObject(b -> b.bucket(bucket).key(ObjectKeys.requireValid(key)));
    } catch (NoSuchKeyException e) {
      throw new NoSuchObjectException(key, description);
    } catch (S3Exception e) {
      throw failure("read " + key, e);
    }
  }

  @Override
  public Optional<StoredObject> stat(String key) throws IOException {
    try {
      HeadObjectResponse head =
          client.headObject(b -> b.bucket(bucket).key(ObjectKeys.requireValid(key)));
      return Optional.of(new StoredObject(key, head.contentLength(), head.lastModified()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw failure("look up " + key, e);
    }
  }

  @Override
  public List<StoredObject> list(String prefix) throws IOException {
    List<StoredObject> objects = new ArrayList<>();
    try {
      for (S3Object object :
          client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
        objects.add(new StoredObject(object.key(), object.size(), object.lastModified()));
      }
    } catch (S3Exception e) {
      throw failure("list " + prefix, e);
    }
    return objects;
  }

  @Override
  public void delete(String key) throws IOException {
    try {
      client.deleteObject(b -> b.bucket(bucket).key(ObjectKeys.requireValid(key)));
    } catch (S3Exception e) {
      throw failure("delete " + key, e);
    }
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    client.close();
  }

  private IOException failure(String action, S3Exception e) {
    String detail =
        e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    return new IOException(
        "could not " + action + " in " + description + ": " + e.statusCode() + " " + detail, e);
  }

  /**
   * Buffers one part at a time. An object smaller than a part is sent with one PUT on commit; a
   * larger one becomes a multipart upload started when the first part is full.
   */
  private final class MultipartUpload extends Upload {
    private final String key;
    private final byte[] buffer = new byte[partSize];
    private final List<CompletedPart> parts = new ArrayList<>();
    private int filled;
    private long total;
    private String uploadId;
    private boolean finished;

    MultipartUpload(String key) {
      this.key = key;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (finished) {
        throw new IOException("upload of " + key + " already finished");
      }
      while (len > 0) {
        int n = Math.min(len, buffer.length - filled);
        System.arraycopy(b, off, buffer, filled, n);
        filled += n;
        total += n;
        off += n;
        len -= n;
        if (filled == buffer.length) {
          sendPart();
        }
      }
    }

    private void sendPart() throws IOException {
      try {
        if (uploadId == null) {
          uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        }
        int number = parts.size() + 1;
        UploadPartResponse response =
            client.uploadPart(
                b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, filled), filled));
        parts.add(CompletedPart.builder().partNumber(number).eTag(response.eTag()).build());
        filled = 0;
      } catch (S3Exception e) {
        throw failure("upload part of " + key, e);
      }
    }

    @Override
    public StoredObject commit() throws IOException {
      if (finished) {
        throw new IllegalStateException("upload of " + key + " already finished");
      }
      try {
        if (uploadId == null) {
          client.putObject(
              b -> b.bucket(bucket).key(key),
              RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, filled), filled));
        } else {
          if (filled > 0) {
            sendPart();
          }
          client.completeMultipartUpload(
              CompleteMultipartUploadRequest.builder()
                  .bucket(bucket)
                  .key(key)
                  .uploadId(uploadId)
                  .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build())
                  .build());
        }
      } catch (S3Exception e) {
        abort();
        throw failure("complete " + key, e);
      }
      finished = true;
      return new StoredObject(key, total, Instant.now());
    }

    @Override
    public void abort() {
      if (finished) {
        return;
      }
      finished = true;
      if (uploadId != null) {
        try {
          client.abortMultipartUpload(
              AbortMultipartUploadRequest.builder()
                  .bucket(bucket)
                  .key(key)
                  .uploadId(uploadId)
                  .build());
        } catch (S3Exception e) {
          // The bucket's lifecycle rules clean up abandoned multipart uploads.
        }
      }
    }
  }
}
