package io.dbprovision.api.v1alpha1;

/**
 * Schema patterns for the string-typed values that are not identifiers. They are checked by the API
 * server; the operator parses the same strings and reports anything it still cannot use.
 */
public final class Formats {
  /**
   * A Go duration as the Go operator's manifests write it: {@code 30s}, {@code 8h}, {@code 1h30m}.
   */
  public static final String GO_DURATION = "^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$";

  /** Five whitespace-separated cron fields (minute hour day-of-month month day-of-week). */
  public static final String CRON = "^\\s*\\S+(\\s+\\S+){4}\\s*$";

  /** Privilege names: upper-case SQL keywords separated by single spaces. */
  public static final String PRIVILEGE = "^[A-Z][A-Z ]*$";

  private Formats() {}
}
