package io.dbprovision.operator.engine;

import io.dbprovision.operator.model.DriftReport;
import io.dbprovision.operator.model.DriftReport.Difference;
import io.dbprovision.operator.model.Enforcement;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what one {@code ensure*} call finds and does, and decides per difference whether to
 * change the server, following the {@link Enforcement}. Engines report every difference here and
 * pass the fix; this class runs the fix only when allowed, and files the difference as an update
 * (the spec changed), a corrected drift, or a remaining drift.
 */
public final class Changes {
  /** A change on the server. */
  @FunctionalInterface
  public interface Step {
    void run() throws EngineException;
  }

  private final Enforcement enforcement;
  private final List<String> actions = new ArrayList<>();
  private final List<Difference> differences = new ArrayList<>();
  private final List<Difference> corrected = new ArrayList<>();
  private boolean created;

  public Changes(Enforcement enforcement) {
    this.enforcement = enforcement;
  }

  /** The object did not exist and {@code step} creates it; always run. */
  public void create(String action, Step step) throws EngineException {
    step.run();
    created = true;
    actions.add(action);
  }

  /** A difference between server and desired state, with the step that removes it. */
  public void differ(Difference difference, String action, Step fix) throws EngineException {
    differ(List.of(difference), action, fix);
  }

  /**
   * Differences that one step removes together; they must share their destructive and immutable
   * flags, because the step runs for all of them or none.
   */
  public void differ(List<Difference> group, String action, Step fix) throws EngineException {
    if (group.isEmpty() || (!enforcement.compares() && !created)) {
      return;
    }
    boolean change = created || enforcement.changes(group.get(0));
    if (change) {
      fix.run();
      actions.add(action);
    }
    boolean isUpdate = created || enforcement.mode() == Enforcement.Mode.APPLY;
    if (isUpdate && change) {
      return;
    }
    differences.addAll(group);
    if (change) {
      corrected.addAll(group);
    }
  }

  public Outcome outcome() {
    Outcome.Change change =
        created
            ? Outcome.Change.CREATED
            : actions.isEmpty() ? Outcome.Change.NOOP : Outcome.Change.UPDATED;
    return new Outcome(change, actions, new DriftReport(differences, corrected));
  }
}
