package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The stored backup object. */
public class BackupObjectInfo {
  @JsonPropertyDescription("Object name in the storage backend.")
  private String path;

  @JsonPropertyDescription("Bytes the dump client wrote, before compression and encryption.")
  private Long sizeBytes;

  @JsonPropertyDescription("Bytes stored, after compression and encryption.")
  private Long compressedSizeBytes;

  @JsonPropertyDescription("SHA-256 of the stored bytes, as sha256:<hex>.")
  private String checksum;

  @JsonPropertyDescription("Dump format, e.g. custom or sql.")
  private String format;

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public Long getSizeBytes() {
    return sizeBytes;
  }

  public void setSizeBytes(Long sizeBytes) {
    this.sizeBytes = sizeBytes;
  }

  public Long getCompressedSizeBytes() {
    return compressedSizeBytes;
  }

  public void setCompressedSizeBytes(Long compressedSizeBytes) {
    this.compressedSizeBytes = compressedSizeBytes;
  }

  public String getChecksum() {
    return checksum;
  }

  public void setChecksum(String checksum) {
    this.checksum = checksum;
  }

  public String getFormat() {
    return format;
  }

  public void setFormat(String format) {
    this.format = format;
  }
}
