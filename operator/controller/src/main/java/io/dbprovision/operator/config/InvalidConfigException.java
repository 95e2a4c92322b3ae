package io.dbprovision.operator.config;

import java.util.List;

/** The configuration cannot be used; lists every problem found, each naming its setting. */
public final class InvalidConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public InvalidConfigException(List<String> problems) {
    super("invalid configuration:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
