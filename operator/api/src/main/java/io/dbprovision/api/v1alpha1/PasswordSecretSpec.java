package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** How the password is generated and where the credentials Secret goes. */
public class PasswordSecretSpec {
  @Default("32")
  @Min(8)
  @Max(128)
  @JsonPropertyDescription("Password length.")
  private Integer length = 32;

  @Default("true")
  @JsonPropertyDescription("Include the characters !@#$%^&* besides letters and digits.")
  private Boolean includeSpecialChars = Boolean.TRUE;

  @JsonPropertyDescription("Characters never to use in the password.")
  private String excludeChars;

  @Required
  @Size(min = 1, max = 253)
  @JsonPropertyDescription("Name of the credentials Secret in the resource's namespace.")
  private String secretName;

  @JsonPropertyDescription("Type, labels and annotations of the Secret.")
  private SecretTemplate secretTemplate;

  public Integer getLength() {
    return length;
  }

  public void setLength(Integer length) {
    this.length = length;
  }

  public Boolean getIncludeSpecialChars() {
    return includeSpecialChars;
  }

  public void setIncludeSpecialChars(Boolean includeSpecialChars) {
    this.includeSpecialChars = includeSpecialChars;
  }

  public String getExcludeChars() {
    return excludeChars;
  }

  public void setExcludeChars(String excludeChars) {
    this.excludeChars = excludeChars;
  }

  public String getSecretName() {
    return secretName;
  }

  public void setSecretName(String secretName) {
    this.secretName = secretName;
  }

  public SecretTemplate getSecretTemplate() {
    return secretTemplate;
  }

  public void setSecretTemplate(SecretTemplate secretTemplate) {
    this.secretTemplate = secretTemplate;
  }
}
