package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Where a backup is stored; exactly the block named by type is read. */
public class BackupStorageSpec {
  @Required
  @JsonPropertyDescription("Which backend stores the backup: pvc (a mounted volume) or s3.")
  private BackupStorageType type;

  @JsonPropertyDescription("Settings of the pvc backend.")
  private PvcStorageSpec pvc;

  @JsonPropertyDescription("Settings of the s3 backend.")
  private S3StorageSpec s3;

  public BackupStorageType getType() {
    return type;
  }

  public void setType(BackupStorageType type) {
    this.type = type;
  }

  public PvcStorageSpec getPvc() {
    return pvc;
  }

  public void setPvc(PvcStorageSpec pvc) {
    this.pvc = pvc;
  }

  public S3StorageSpec getS3() {
    return s3;
  }

  public void setS3(S3StorageSpec s3) {
    this.s3 = s3;
  }
}
