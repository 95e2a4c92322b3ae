package io.dbprovision.operator.model;

/**
 * What an engine may change when the server differs from the desired state.
 *
 * <p>{@link Mode#APPLY} is for a spec that changed (or a first creation): everything the server can
 * change in place is made to match, destructive or not, because the user asked for it. The other
 * modes are the drift policy for a pass where the spec did not change: {@code CORRECT} repairs
 * non-destructive differences (destructive ones too with {@code allowDestructive}), {@code DETECT}
 * only reports, {@code IGNORE} does not compare at all. Immutable differences are never changed in
 * any mode.
 */
public record Enforcement(Mode mode, boolean allowDestructive) {
  public enum Mode {
    APPLY,
    CORRECT,
    DETECT,
    IGNORE
  }

  /** Make the server match the spec; used when the spec changed or the object is new. */
  public static Enforcement apply() {
    return new Enforcement(Mode.APPLY, true);
  }

  public static Enforcement detect() {
    return new Enforcement(Mode.DETECT, false);
  }

  public static Enforcement correct(boolean allowDestructive) {
    return new Enforcement(Mode.CORRECT, allowDestructive);
  }

  public static Enforcement ignore() {
    return new Enforcement(Mode.IGNORE, false);
  }

  /** Whether the server is compared with the desired state at all. */
  public boolean compares() {
    return mode != Mode.IGNORE;
  }

  /** Whether a difference of this shape may be changed on the server. */
  public boolean changes(DriftReport.Difference difference) {
    if (difference.immutable()) {
      return false;
    }
    return switch (mode) {
      case APPLY -> true;
      case CORRECT -> !difference.destructive() || allowDestructive;
      case DETECT, IGNORE -> false;
    };
  }

  /** Whether changes made in this mode are repairs of drift rather than updates of the spec. */
  public boolean isDriftCorrection() {
    return mode == Mode.CORRECT;
  }
}
