package io.dbprovision.operator.model;

import io.dbprovision.api.v1alpha1.PasswordSecretSpec;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * How a DatabaseUser's passwords are made: {@code length} characters drawn uniformly from letters
 * and digits, plus {@code !@#$%^&*} when special characters are allowed, minus the excluded ones.
 * When the exclusions leave nothing, letters and digits are used (as the Go operator does), so a
 * spec can never ask for an empty alphabet.
 */
public record PasswordPolicy(int length, boolean includeSpecialChars, String excludeChars) {
  public static final int DEFAULT_LENGTH = 32;
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  static final String ALPHANUMERIC =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  static final String SPECIAL = "!@#$%^&*";

  public static final PasswordPolicy DEFAULTS = new PasswordPolicy(DEFAULT_LENGTH, true, "");

  private static final SecureRandom RANDOM = new SecureRandom();

  public PasswordPolicy {
    excludeChars = excludeChars == null ? "" : excludeChars;
  }

  /** The spec's passwordSecret block; an absent block or field takes the schema default. */
  public static PasswordPolicy from(PasswordSecretSpec spec) {
    if (spec == null) {
      return DEFAULTS;
    }
    return new PasswordPolicy(
        spec.getLength() == null ? DEFAULT_LENGTH : spec.getLength(),
        !Boolean.FALSE.equals(spec.getIncludeSpecialChars()),
        spec.getExcludeChars());
  }

  /**
   * Why this policy cannot be used, when it cannot (the API server checks the same bounds; this
   * covers objects written around the schema).
   */
  public Optional<String> problem() {
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return Optional.of(
          "passwordSecret.length " + length + " is outside " + MIN_LENGTH + ".." + MAX_LENGTH);
    }
    return Optional.empty();
  }

  /** The characters a password may contain. */
  public String alphabet() {
    String candidates = includeSpecialChars ? ALPHANUMERIC + SPECIAL : ALPHANUMERIC;
    StringBuilder allowed = new StringBuilder();
    candidates
        .chars()
        .filter(c -> excludeChars.indexOf(c) < 0)
        .forEach(c -> allowed.append((char) c));
    return allowed.length() == 0 ? ALPHANUMERIC : allowed.toString();
  }

  /** A new password from a cryptographically strong source. */
  public Password generate() {
    String alphabet = alphabet();
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
    }
    return Password.of(new String(chars));
  }
}
