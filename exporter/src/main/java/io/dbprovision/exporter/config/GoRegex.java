package io.dbprovision.exporter.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The Go tool's rule patterns (RE2 syntax) as Java patterns. Matching is an unanchored search
 * ({@code find()}), as Go's {@code MatchString}. RE2's {@code (?P<name>...)} group syntax is
 * accepted; Java-only constructs (backreferences, lookaround) are accepted too, a superset we
 * document rather than police.
 */
public final class GoRegex {
  private GoRegex() {}

  /** Compiles a rule pattern, throwing {@link PatternSyntaxException} when it is invalid. */
  public static Pattern compile(String pattern) {
    return Pattern.compile(pattern.replace("(?P<", "(?<"));
  }

  /** The problem with a pattern in the Go tool's words, if it does not compile. */
  static Optional<String> problem(String pattern) {
    try {
      compile(pattern);
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      String description = e.getDescription();
      return Optional.of(
          "invalid regex \""
              + pattern
              + "\": "
              + description.substring(0, 1).toLowerCase(Locale.ROOT)
              + description.substring(1));
    }
  }
}
