package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An S3 bucket, on AWS or any S3-compatible server. */
public class S3StorageSpec {
  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Bucket the backups are written to.")
  private String bucket;

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Region of the bucket, e.g. eu-west-1.")
  private String region;

  @JsonPropertyDescription("URL of an S3-compatible server; AWS when empty.")
  private String endpoint;

  @JsonPropertyDescription("Key prefix under which the operator names its objects.")
  private String prefix;

  @JsonPropertyDescription(
      "Address the bucket in the URL path rather than the host name (most S3-compatible servers need this).")
  private Boolean forcePathStyle;

  @Required
  @JsonPropertyDescription("Secret holding the access key id and secret access key.")
  private S3SecretRef secretRef;

  public String getBucket() {
    return bucket;
  }

  public void setBucket(String bucket) {
    this.bucket = bucket;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public String getPrefix() {
    return prefix;
  }

  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }

  public Boolean getForcePathStyle() {
    return forcePathStyle;
  }

  public void setForcePathStyle(Boolean forcePathStyle) {
    this.forcePathStyle = forcePathStyle;
  }

  public S3SecretRef getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(S3SecretRef secretRef) {
    this.secretRef = secretRef;
  }
}
