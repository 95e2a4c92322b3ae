package io.dbprovision.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar as the container runs it: {@code java -jar db-provision-exporter.jar}. */
class ExporterJarIT {
  private record Run(int exit, String output) {}

  private static Run java(String... args) throws IOException, InterruptedException {
    String jar = System.getProperty("exporter.jar");
    assertThat(jar).as("the failsafe property exporter.jar").isNotNull();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar);
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }

  @Test
  void helpDocumentsEveryFlag() throws Exception {
    Run run = java("--help");

    assertThat(run.exit()).isZero();
    assertThat(run.output())
        .contains("--config", "--kubeconfig", "--metrics-address", "--strict", "--event");
  }

  @Test
  void validateExitsWithZeroOrOneAndSaysWhy(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.yaml");
    Files.writeString(
        good,
        "route:\n  routes:\n    - match:\n        - receiver: out\n"
            + "receivers:\n  - name: out\n    stdout: {}\n");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "route:\n  routes:\n    - match:\n        - receiver: missing\n");

    Run valid = java("validate", "--config", good.toString());
    Run invalid = java("validate", "--config", bad.toString());

    assertThat(valid.exit()).isZero();
    assertThat(valid.output()).contains("is valid");
    assertThat(invalid.exit()).isEqualTo(1);
    assertThat(invalid.output()).contains("error: route.routes[0].match[0].receiver:");
  }
}
