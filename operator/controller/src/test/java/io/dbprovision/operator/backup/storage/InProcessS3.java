package io.dbprovision.operator.backup.storage;

import java.net.URI;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/** s3proxy 4.1 serving a directory (use a fresh one per test), with the bucket "backups". */
public final class InProcessS3 implements AutoCloseable {
  static final String ACCESS = "access";
  static final String SECRET = "secret-key";
  private final S3Proxy proxy;

  private InProcessS3(S3Proxy proxy) {
    this.proxy = proxy;
  }

  public static InProcessS3 start(Path directory) throws Exception {
    var blobStore = new org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore(directory.toString());
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(blobStore)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
            .build();
    proxy.start();
    InProcessS3 s3 = new InProcessS3(proxy);
    blobStore.createContainer("backups");
    return s3;
  }

  public S3Storage.Settings settings(String bucket) {
    return new S3Storage.Settings(
        "http://127.0.0.1:" + proxy.getPort(), "us-east-1", bucket, true, ACCESS, SECRET);
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy did not stop", e);
    }
  }
}
