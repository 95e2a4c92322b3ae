package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Which keys of the credentials Secret hold the user name and password. */
public class SecretKeys {
  @Default("username")
  @JsonPropertyDescription("Key holding the user name.")
  private String username = "username";

  @Default("password")
  @JsonPropertyDescription("Key holding the password.")
  private String password = "password";

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
