package io.dbprovision.exporter.config;

import java.util.function.Function;

/**
 * Expands {@code ${VAR}} inside one scalar value, after YAML parsing, so a variable's value can
 * never change the file's structure (the Go tool splices it into the raw text). {@code $$} is a
 * literal dollar; any other {@code $} stays as written, so regexes such as {@code Failed$} keep
 * their meaning. An undefined variable is an error that names it, never an empty string.
 */
final class EnvExpander {
  private final Function<String, String> environment;

  EnvExpander(Function<String, String> environment) {
    this.environment = environment;
  }

  String expand(String value, String path, ConfigProblems problems) {
    if (value.indexOf('$') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c != '$' || i + 1 == value.length()) {
        out.append(c);
        i++;
      } else if (value.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (value.charAt(i + 1) == '{') {
        int close = value.indexOf('}', i + 2);
        String name = close < 0 ? "" : value.substring(i + 2, close);
        if (!isVariableName(name)) {
          problems.error(
              path,
              "malformed variable reference at offset " + i + " (expected ${NAME}; $$ for $)");
          return value;
        }
        String replacement = environment.apply(name);
        if (replacement == null) {
          problems.error(path, "undefined environment variable " + name);
          return value;
        }
        out.append(replacement);
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isVariableName(String name) {
    if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
      return false;
    }
    return name.chars().allMatch(ch -> ch == '_' || ch < 128 && Character.isLetterOrDigit(ch));
  }
}
