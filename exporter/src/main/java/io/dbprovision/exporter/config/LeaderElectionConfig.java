package io.dbprovision.exporter.config;

/** {@code leaderElection}: as in the Go tool, off unless enabled, on a Lease of this name. */
public record LeaderElectionConfig(boolean enabled, String leaderElectionID) {
  public static final String DEFAULT_ID = "kubernetes-event-exporter";

  public static LeaderElectionConfig defaults() {
    return new LeaderElectionConfig(false, DEFAULT_ID);
  }
}
