package io.dbprovision.operator.health;

/** The answer of a health check: whether it passed, and in words why (for the HTTP body). */
public record HealthStatus(boolean ok, String detail) {

  public static HealthStatus ok(String detail) {
    return new HealthStatus(true, detail);
  }

  public static HealthStatus failing(String detail) {
    return new HealthStatus(false, detail);
  }
}
