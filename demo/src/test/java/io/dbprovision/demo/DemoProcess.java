package io.dbprovision.demo;

import io.dbprovision.testkit.db.DatabaseServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code java -jar db-provision-demo.jar}, as the README tells people to run it, pointed at the
 * test PostgreSQL, with its standard output and error collected line by line.
 */
final class DemoProcess implements AutoCloseable {
  private static final Path JAR =
      Path.of(System.getProperty("demo.jar", "target/db-provision-demo.jar"));
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private final Process process;
  private final List<String> out = new ArrayList<>();
  private final List<String> err = new ArrayList<>();

  private DemoProcess(Process process) {
    this.process = process;
    collect(process.getInputStream(), out, "demo-stdout");
    collect(process.getErrorStream(), err, "demo-stderr");
  }

  /** The demo against the test PostgreSQL (named by the environment, as a user would). */
  static DemoProcess start(DatabaseServer postgres, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("DBPROVISION_"));
    builder.environment().put(LocalPostgres.ADDRESS, postgres.host() + ":" + postgres.port());
    builder.environment().put(LocalPostgres.USER, postgres.adminUser());
    builder.environment().put(LocalPostgres.PASSWORD, postgres.adminPassword());
    return new DemoProcess(builder.start());
  }

  /**
   * The demo with nothing configured, so with its embedded PostgreSQL, as a user other than root
   * (PostgreSQL refuses root): when the tests run as root, as {@code nobody} through {@code
   * setpriv}, with a temporary directory that user may write.
   */
  static DemoProcess startEmbedded(Path tmp, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
    }
    command.addAll(List.of(JAVA, "-Djava.io.tmpdir=" + tmp, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("DBPROVISION_"));
    builder.environment().put("HOME", tmp.toString());
    return new DemoProcess(builder.start());
  }

  static Path jar() {
    return JAR;
  }

  private static void collect(InputStream stream, List<String> into, String name) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  synchronized (into) {
                    into.add(line);
                    into.notifyAll();
                  }
                }
              } catch (IOException e) {
                // the process is gone; what was read stays
              }
            },
            name);
    reader.setDaemon(true);
    reader.start();
  }

  /** Waits for a line of standard output; false if the process ended or time ran out first. */
  boolean awaitLine(Predicate<String> line, Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    synchronized (out) {
      while (out.stream().noneMatch(line)) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !process.isAlive() && out.stream().noneMatch(line)) {
          return out.stream().anyMatch(line);
        }
        out.wait(Math.min(200, Math.max(1, left / 1_000_000)));
      }
      return true;
    }
  }

  /** Ctrl-C: SIGINT to the JVM. */
  void interrupt() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new IOException("kill -INT " + process.pid() + " failed");
    }
  }

  /** The exit status, once the process ended within {@code patience}. */
  int awaitExit(Duration patience) throws InterruptedException {
    if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the demo still runs after " + patience + "; output:\n" + output());
    }
    // The readers finish with the streams; give them a moment to take the last lines.
    Thread.sleep(200);
    return process.exitValue();
  }

  List<String> stdout() {
    synchronized (out) {
      return List.copyOf(out);
    }
  }

  List<String> stderr() {
    synchronized (err) {
      return List.copyOf(err);
    }
  }

  String output() {
    return String.join("\n", stdout()) + "\n--- stderr ---\n" + String.join("\n", stderr());
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
