package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A PersistentVolumeClaim mounted into the operator pod, used as a directory tree. */
public class PvcStorageSpec {
  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Name of the PersistentVolumeClaim that holds the backups.")
  private String claimName;

  @JsonPropertyDescription("Directory inside the claim; the claim's root when empty.")
  private String subPath;

  public String getClaimName() {
    return claimName;
  }

  public void setClaimName(String claimName) {
    this.claimName = claimName;
  }

  public String getSubPath() {
    return subPath;
  }

  public void setSubPath(String subPath) {
    this.subPath = subPath;
  }
}
