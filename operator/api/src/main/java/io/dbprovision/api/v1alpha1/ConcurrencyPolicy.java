package io.dbprovision.api.v1alpha1;

/** What a schedule does when a backup is due while one it created earlier is still running. */
public enum ConcurrencyPolicy {
  /** Start another backup beside the running one. */
  Allow,
  /** Skip this run; the next due time is tried as usual. */
  Forbid,
  /** Stop and delete the running backup, then start a new one. */
  Replace
}
