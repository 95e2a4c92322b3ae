package io.dbprovision.exporter.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration that must not be used, with every error found in it (not just the first). */
public final class InvalidConfigException extends Exception {
  private final transient List<ConfigProblem> problems;

  public InvalidConfigException(String source, List<ConfigProblem> problems) {
    super(
        "invalid configuration "
            + source
            + " ("
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "):"
            + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining()));
    this.problems = List.copyOf(problems);
  }

  /** The errors (and, under strict mode, the former warnings), in file order. */
  public List<ConfigProblem> problems() {
    return problems;
  }
}
