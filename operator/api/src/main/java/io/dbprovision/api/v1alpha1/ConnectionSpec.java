package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Where the server listens and how the operator logs in. */
public class ConnectionSpec {
  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Host name or IP address of the server.")
  private String host;

  @Required
  @Min(1)
  @Max(65535)
  @JsonPropertyDescription("TCP port of the server.")
  private Integer port;

  @Required
  @Size(min = 1)
  @JsonPropertyDescription(
      "Administrative database the operator connects to (for example postgres or mysql).")
  private String database;

  @Required
  @JsonPropertyDescription("Secret with the administrator user name and password.")
  private CredentialsSecretRef secretRef;

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public String getDatabase() {
    return database;
  }

  public void setDatabase(String database) {
    this.database = database;
  }

  public CredentialsSecretRef getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(CredentialsSecretRef secretRef) {
    this.secretRef = secretRef;
  }
}
