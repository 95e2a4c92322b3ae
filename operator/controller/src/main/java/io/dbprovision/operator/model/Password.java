package io.dbprovision.operator.model;

import java.util.Objects;

/**
 * A password on its way to a server (an administrator's may be empty, with trust authentication).
 * It cannot be printed by accident: {@link #toString()} hides it, and the value is only reachable
 * through {@link #reveal()}, which SQL dialects call when they write it as an escaped literal.
 */
public final class Password {
  private final String value;

  private Password(String value) {
    this.value = value;
  }

  public static Password of(String value) {
    return new Password(Objects.requireNonNull(value, "password"));
  }

  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Password that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "Password[******]";
  }
}
