package io.dbprovision.operator.backup.schedule;

import io.dbprovision.api.v1alpha1.ConcurrencyPolicy;
import java.util.List;

/**
 * What to do when a backup is due, given the backups the schedule created that are still pending or
 * running.
 *
 * @param action whether to start a backup, and whether to delete running ones first
 * @param toDelete running backups to stop and delete before starting ({@link Action#REPLACE})
 */
public record ConcurrencyDecision(Action action, List<String> toDelete) {
  public enum Action {
    /** Start the due backup. */
    START,
    /** Start nothing; a backup is still running and the policy forbids a second. */
    SKIP,
    /** Delete {@link #toDelete()}, then start the due backup. */
    REPLACE
  }

  public ConcurrencyDecision {
    toDelete = List.copyOf(toDelete);
  }

  /** Decides under {@code policy} ({@link ConcurrencyPolicy#Forbid} when null). */
  public static ConcurrencyDecision decide(ConcurrencyPolicy policy, List<String> running) {
    if (running.isEmpty()) {
      return new ConcurrencyDecision(Action.START, List.of());
    }
    ConcurrencyPolicy effective = policy == null ? ConcurrencyPolicy.Forbid : policy;
    return switch (effective) {
      case Allow -> new ConcurrencyDecision(Action.START, List.of());
      case Forbid -> new ConcurrencyDecision(Action.SKIP, List.of());
      case Replace -> new ConcurrencyDecision(Action.REPLACE, running);
    };
  }
}
