package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** The DatabaseBackup a schedule creates each time it fires. */
public class BackupTemplate {
  @JsonPropertyDescription("Labels and annotations of created backups.")
  private BackupTemplateMetadata metadata;

  @Required
  @JsonPropertyDescription("Spec of created backups.")
  private DatabaseBackupSpec spec;

  public BackupTemplateMetadata getMetadata() {
    return metadata;
  }

  public void setMetadata(BackupTemplateMetadata metadata) {
    this.metadata = metadata;
  }

  public DatabaseBackupSpec getSpec() {
    return spec;
  }

  public void setSpec(DatabaseBackupSpec spec) {
    this.spec = spec;
  }
}
