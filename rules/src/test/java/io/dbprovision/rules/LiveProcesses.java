package io.dbprovision.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The external processes one test starts (the operator, the exporter, Prometheus), each with its
 * output in a log file. All of them are stopped by {@link #close()} and, should the test JVM end
 * without reaching it, by a shutdown hook: a failed run must not leave servers listening.
 */
final class LiveProcesses implements AutoCloseable {
  private static final long STOP_SECONDS = 10;

  /** One started process and the file its stdout and stderr go to. */
  record Child(String name, Process process, Path log) {
    boolean isAlive() {
      return process.isAlive();
    }

    String output() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(cannot read " + log + ": " + e.getMessage() + ")";
      }
    }
  }

  private final Path logDir;
  private final List<Child> children = new ArrayList<>();
  private final Thread shutdownHook;

  LiveProcesses(Path logDir) {
    this.logDir = logDir;
    this.shutdownHook = new Thread(this::stopAll, "live-processes-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts a process with the given environment added to a cleaned copy of ours: variables that
   * would point it at a real cluster or configure it behind our back are removed.
   */
  synchronized Child start(String name, List<String> command, Map<String, String> env) {
    Path log = logDir.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .keySet()
        .removeIf(
            k ->
                k.startsWith("DBPROVISION_")
                    || k.startsWith("KUBERNETES_")
                    || k.equals("KUBECONFIG")
                    || k.equals("JAVA_TOOL_OPTIONS"));
    builder.environment().putAll(env);
    builder.directory(logDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    try {
      Files.createDirectories(logDir);
      Child child = new Child(name, builder.start(), log);
      children.add(child);
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
    }
  }

  /** Every process's output, for the report of a failed test. */
  synchronized String logs() {
    StringBuilder all = new StringBuilder();
    for (Child child : children) {
      all.append("\n===== ")
          .append(child.name())
          .append(child.isAlive() ? " (running)" : " (exited " + child.process().exitValue() + ")")
          .append(", ")
          .append(child.log())
          .append(" =====\n")
          .append(child.output());
    }
    return all.toString();
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or has run.
    }
  }

  /** SIGTERM to every process at once, then SIGKILL to whatever has not exited in time. */
  private synchronized void stopAll() {
    children.forEach(c -> c.process().destroy());
    for (Child child : children) {
      try {
        if (!child.process().waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
          child.process().destroyForcibly().waitFor(STOP_SECONDS, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        child.process().destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
