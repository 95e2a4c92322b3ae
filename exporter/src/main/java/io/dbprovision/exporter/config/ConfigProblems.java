package io.dbprovision.exporter.config;

import io.dbprovision.exporter.config.ConfigProblem.Severity;
import java.util.ArrayList;
import java.util.List;

/** Collects problems while a file is read, so that all of them are reported at once. */
final class ConfigProblems {
  private final List<ConfigProblem> problems = new ArrayList<>();

  void error(String path, String message) {
    problems.add(new ConfigProblem(Severity.ERROR, path, message));
  }

  void warning(String path, String message) {
    problems.add(new ConfigProblem(Severity.WARNING, path, message));
  }

  List<ConfigProblem> errors() {
    return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
  }

  List<ConfigProblem> warnings() {
    return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
  }
}
