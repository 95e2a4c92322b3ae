package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the server reports about the database. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DatabaseInfo {
  @JsonPropertyDescription("Name on the server.")
  private String name;

  @JsonPropertyDescription("Owner on the server (PostgreSQL).")
  private String owner;

  @JsonPropertyDescription("Size on disk in bytes at the last check.")
  private Long sizeBytes;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  public Long getSizeBytes() {
    return sizeBytes;
  }

  public void setSizeBytes(Long sizeBytes) {
    this.sizeBytes = sizeBytes;
  }
}
