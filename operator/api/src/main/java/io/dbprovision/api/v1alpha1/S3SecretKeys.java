package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Key names inside the S3 credentials Secret. */
public class S3SecretKeys {
  @Default("AWS_ACCESS_KEY_ID")
  @JsonPropertyDescription("Key holding the access key id.")
  private String accessKey = "AWS_ACCESS_KEY_ID";

  @Default("AWS_SECRET_ACCESS_KEY")
  @JsonPropertyDescription("Key holding the secret access key.")
  private String secretKey = "AWS_SECRET_ACCESS_KEY";

  public String getAccessKey() {
    return accessKey;
  }

  public void setAccessKey(String accessKey) {
    this.accessKey = accessKey;
  }

  public String getSecretKey() {
    return secretKey;
  }

  public void setSecretKey(String secretKey) {
    this.secretKey = secretKey;
  }
}
