package io.dbprovision.rules;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus' promtool. A missing promtool fails the test that needs it with instructions; it
 * never skips, because rules that nobody checked must not look green.
 */
final class Promtool {
  private static final long TIMEOUT_SECONDS = 120;

  /** The outcome of one promtool run: its exit code and everything it printed. */
  record Run(List<String> command, int exitCode, String output) {
    boolean succeeded() {
      return exitCode == 0;
    }

    String describe() {
      return String.join(" ", command) + " exited " + exitCode + ":\n" + output;
    }
  }

  private final Path executable;

  private Promtool(Path executable) {
    this.executable = executable;
  }

  /** promtool from {@code $PROMTOOL}, or else the first one on the {@code PATH}. */
  static Promtool locate() {
    String configured = System.getenv("PROMTOOL");
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      if (!Files.isExecutable(path)) {
        throw new AssertionError("PROMTOOL=" + configured + " is not an executable file");
      }
      return new Promtool(path);
    }
    String searchPath = System.getenv().getOrDefault("PATH", "");
    for (String dir : searchPath.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "promtool");
      if (Files.isExecutable(candidate)) {
        return new Promtool(candidate);
      }
    }
    throw new AssertionError(
        "promtool is not installed: the alerting rules cannot be checked. Install the Debian"
            + " package 'prometheus' (apt-get install --no-install-recommends prometheus; .ci/run"
            + " does this) or set PROMTOOL to the promtool binary.");
  }

  Run checkRules(List<Path> ruleFiles) {
    List<String> args = new ArrayList<>(List.of("check", "rules"));
    ruleFiles.forEach(f -> args.add(f.toString()));
    return run(args);
  }

  Run testRules(Path testFile) {
    return run(List.of("test", "rules", testFile.toString()));
  }

  private Run run(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(args);
    try {
      // Output goes to a file so that a hanging promtool cannot block the read past the timeout.
      Path dir = AssetPaths.MODULE.resolve("target").resolve("promtool-output");
      Files.createDirectories(dir);
      Path log = Files.createTempFile(dir, "promtool-", ".log");
      Process process =
          new ProcessBuilder(command)
              .directory(AssetPaths.MODULE.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in time");
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      return new Run(command, process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running promtool", e);
    }
  }
}
