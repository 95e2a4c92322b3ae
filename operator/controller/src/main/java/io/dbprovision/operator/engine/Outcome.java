package io.dbprovision.operator.engine;

import io.dbprovision.operator.model.DriftReport;
import java.util.List;

/**
 * What an {@code ensure*} or {@code drop*} call did. {@code change} says whether anything was
 * created, updated or deleted; {@code actions} lists the changes for people (for an {@code Applied}
 * event); {@code drift} holds the differences this pass found and which it corrected.
 */
public record Outcome(Change change, List<String> actions, DriftReport drift) {
  public enum Change {
    NOOP,
    CREATED,
    UPDATED,
    DELETED
  }

  public Outcome {
    actions = List.copyOf(actions);
  }

  public static Outcome noop() {
    return new Outcome(Change.NOOP, List.of(), DriftReport.NONE);
  }

  public static Outcome deleted(String action) {
    return new Outcome(Change.DELETED, List.of(action), DriftReport.NONE);
  }

  public boolean changed() {
    return change != Change.NOOP;
  }
}
