package io.dbprovision.demo;

/**
 * Who talks to the Kubernetes API in the demo. Each has its own client and user agent, as each
 * would be its own process (or container) in a cluster.
 */
public enum Component {
  /** The operator: reconcilers, event recorder. */
  OPERATOR("db-provision-operator"),
  /** The event exporter. */
  EXPORTER("db-provision-exporter"),
  /** The person trying the demo: applies manifests, deletes, watches Events (kubectl's part). */
  USER("db-provision-demo");

  private final String userAgent;

  Component(String userAgent) {
    this.userAgent = userAgent;
  }

  public String userAgent() {
    return userAgent;
  }
}
