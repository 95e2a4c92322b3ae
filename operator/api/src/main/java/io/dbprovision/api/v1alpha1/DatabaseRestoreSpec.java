package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Which backup to restore, and into which database. */
public class DatabaseRestoreSpec {
  @Required
  @JsonPropertyDescription("The completed DatabaseBackup to restore from.")
  private ResourceRef backupRef;

  @Required
  @JsonPropertyDescription("The database the backup is restored into.")
  private RestoreTargetSpec target;

  @JsonPropertyDescription("Consent for an in-place restore.")
  private RestoreConfirmation confirmation;

  @Default("7200")
  @Min(1)
  @JsonPropertyDescription("Seconds the restore may run before it is stopped and marked failed.")
  private Long activeDeadlineSeconds = 7200L;

  public ResourceRef getBackupRef() {
    return backupRef;
  }

  public void setBackupRef(ResourceRef backupRef) {
    this.backupRef = backupRef;
  }

  public RestoreTargetSpec getTarget() {
    return target;
  }

  public void setTarget(RestoreTargetSpec target) {
    this.target = target;
  }

  public RestoreConfirmation getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(RestoreConfirmation confirmation) {
    this.confirmation = confirmation;
  }

  public Long getActiveDeadlineSeconds() {
    return activeDeadlineSeconds;
  }

  public void setActiveDeadlineSeconds(Long activeDeadlineSeconds) {
    this.activeDeadlineSeconds = activeDeadlineSeconds;
  }
}
