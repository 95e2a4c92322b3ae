package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** How the dump is compressed before it is stored. */
public class BackupCompressionSpec {
  @Default("true")
  @JsonPropertyDescription(
      "Compress the dump; when false it is stored as the dump client wrote it.")
  private Boolean enabled = Boolean.TRUE;

  @Default("gzip")
  @JsonPropertyDescription("Compression algorithm: gzip, zstd, or none.")
  private BackupCompressionAlgorithm algorithm = BackupCompressionAlgorithm.gzip;

  @Default("6")
  @Min(1)
  @Max(9)
  @JsonPropertyDescription("Compression level from 1 (fastest) to 9 (smallest).")
  private Integer level = 6;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public BackupCompressionAlgorithm getAlgorithm() {
    return algorithm;
  }

  public void setAlgorithm(BackupCompressionAlgorithm algorithm) {
    this.algorithm = algorithm;
  }

  public Integer getLevel() {
    return level;
  }

  public void setLevel(Integer level) {
    this.level = level;
  }
}
