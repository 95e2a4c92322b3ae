package io.dbprovision.operator.reconcile;

import io.dbprovision.api.v1alpha1.BackupEncryptionSpec;
import io.dbprovision.api.v1alpha1.BackupStorageSpec;
import io.dbprovision.api.v1alpha1.EncryptionKeySecretRef;
import io.dbprovision.api.v1alpha1.PvcStorageSpec;
import io.dbprovision.api.v1alpha1.S3SecretKeys;
import io.dbprovision.api.v1alpha1.S3StorageSpec;
import io.dbprovision.operator.backup.BackupEncryption;
import io.dbprovision.operator.backup.storage.BackupStorage;
import io.dbprovision.operator.backup.storage.FilesystemStorage;
import io.dbprovision.operator.backup.storage.S3Storage;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the storage and encryption blocks of a backup spec into a {@link BackupStorage} and a
 * {@link BackupEncryption}, reading the Secrets they name. Restores use the spec of the backup they
 * restore, so both read and write the same place with the same key.
 *
 * <p>A {@code pvc} storage is the directory {@code <backup volumes>/<claimName>[/<subPath>]}: the
 * claim must be mounted into the operator pod there (the chart mounts the claims it is told about).
 */
final class BackupInputs {
  private static final Pattern CLAIM_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
  private static final Pattern SUB_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  /** An opened storage and the key prefix of the spec; close it when the run is over. */
  record OpenedStorage(BackupStorage storage, String prefix) implements AutoCloseable {
    @Override
    public void close() {
      if (storage instanceof S3Storage s3) {
        s3.close();
      }
    }
  }

  private final KubernetesClient client;
  private final Path volumes;

  BackupInputs(KubernetesClient client, Path volumes) {
    this.client = client;
    this.volumes = volumes;
  }

  OpenedStorage storage(String namespace, BackupStorageSpec spec) throws BackupInputException {
    if (spec == null || spec.getType() == null) {
      throw BackupInputException.invalidSpec("spec.storage.type is required");
    }
    return switch (spec.getType()) {
      case pvc -> new OpenedStorage(new FilesystemStorage(directory(spec.getPvc())), "");
      case s3 -> s3(namespace, spec.getS3());
    };
  }

  Optional<BackupEncryption> encryption(String namespace, BackupEncryptionSpec spec)
      throws BackupInputException {
    if (spec == null || !Boolean.TRUE.equals(spec.getEnabled())) {
      return Optional.empty();
    }
    EncryptionKeySecretRef ref = spec.getSecretRef();
    if (ref == null || isBlank(ref.getName()) || isBlank(ref.getKey())) {
      throw BackupInputException.invalidSpec(
          "spec.encryption.secretRef.name and .key are required when encryption is enabled");
    }
    String secretNamespace = isBlank(ref.getNamespace()) ? namespace : ref.getNamespace();
    byte[] key = value(secret(secretNamespace, ref.getName()), ref.getKey(), "encryption key");
    try {
      return Optional.of(BackupEncryption.withKey(key));
    } catch (IllegalArgumentException e) {
      throw BackupInputException.outside(
          "encryption key Secret " + secretNamespace + "/" + ref.getName() + ": " + e.getMessage());
    }
  }

  private Path directory(PvcStorageSpec pvc) throws BackupInputException {
    if (pvc == null || isBlank(pvc.getClaimName())) {
      throw BackupInputException.invalidSpec(
          "spec.storage.pvc.claimName is required for storage type pvc");
    }
    if (!CLAIM_NAME.matcher(pvc.getClaimName()).matches()) {
      throw BackupInputException.invalidSpec(
          "spec.storage.pvc.claimName \"" + pvc.getClaimName() + "\" is not a claim name");
    }
    String subPath = pvc.getSubPath() == null ? "" : pvc.getSubPath().replaceAll("^/+|/+$", "");
    if (!subPath.isEmpty()
        && (!SUB_PATH.matcher(subPath).matches() || subPath.matches("(.*/)?\\.{1,2}(/.*)?"))) {
      throw BackupInputException.invalidSpec(
          "spec.storage.pvc.subPath \"" + pvc.getSubPath() + "\" must be a relative path");
    }
    Path claim = volumes.resolve(pvc.getClaimName());
    if (!Files.isDirectory(claim)) {
      throw BackupInputException.outside(
          "PersistentVolumeClaim "
              + pvc.getClaimName()
              + " is not mounted in the operator at "
              + claim
              + "; mount it there (one directory per claim under the backup volumes directory)");
    }
    return subPath.isEmpty() ? claim : claim.resolve(subPath);
  }

  private OpenedStorage s3(String namespace, S3StorageSpec s3) throws BackupInputException {
    if (s3 == null || isBlank(s3.getBucket()) || isBlank(s3.getRegion())) {
      throw BackupInputException.invalidSpec(
          "spec.storage.s3.bucket and .region are required for storage type s3");
    }
    if (s3.getSecretRef() == null || isBlank(s3.getSecretRef().getName())) {
      throw BackupInputException.invalidSpec("spec.storage.s3.secretRef.name is required");
    }
    S3SecretKeys keys =
        s3.getSecretRef().getKeys() == null ? new S3SecretKeys() : s3.getSecretRef().getKeys();
    Secret secret = secret(namespace, s3.getSecretRef().getName());
    String accessKey =
        new String(value(secret, keys.getAccessKey(), "access key id"), StandardCharsets.UTF_8);
    String secretKey =
        new String(value(secret, keys.getSecretKey(), "secret access key"), StandardCharsets.UTF_8);
    S3Storage storage =
        S3Storage.connect(
            new S3Storage.Settings(
                isBlank(s3.getEndpoint()) ? null : s3.getEndpoint(),
                s3.getRegion(),
                s3.getBucket(),
                Boolean.TRUE.equals(s3.getForcePathStyle()),
                accessKey,
                secretKey));
    return new OpenedStorage(storage, s3.getPrefix() == null ? "" : s3.getPrefix());
  }

  private Secret secret(String namespace, String name) throws BackupInputException {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      throw BackupInputException.outside("Secret " + namespace + "/" + name + " does not exist");
    }
    return secret;
  }

  private static byte[] value(Secret secret, String key, String what) throws BackupInputException {
    if (secret.getStringData() != null && secret.getStringData().get(key) != null) {
      return secret.getStringData().get(key).getBytes(StandardCharsets.UTF_8);
    }
    if (secret.getData() != null && secret.getData().get(key) != null) {
      return Base64.getDecoder().decode(secret.getData().get(key));
    }
    throw BackupInputException.outside(
        "Secret "
            + secret.getMetadata().getNamespace()
            + "/"
            + secret.getMetadata().getName()
            + " has no key \""
            + key
            + "\" (the "
            + what
            + ")");
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
