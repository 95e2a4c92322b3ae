package io.dbprovision.demo;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Which PostgreSQL the demo runs against. An embedded one by default; a server that is already
 * running when {@value LocalPostgres#ADDRESS} names one, when the demo runs as root (PostgreSQL
 * refuses to), or when the embedded one cannot start. The reason for the choice is part of the
 * first lines the demo prints.
 */
final class DemoPostgres implements AutoCloseable {
  private final PostgresServer server;
  private final String choice;
  private final Optional<EmbeddedPostgresServer> embedded;

  private DemoPostgres(
      PostgresServer server, String choice, Optional<EmbeddedPostgresServer> embedded) {
    this.server = server;
    this.choice = choice;
    this.embedded = embedded;
  }

  /**
   * @param user the operating system user the demo runs as
   * @throws IllegalArgumentException when {@value LocalPostgres#ADDRESS} is malformed
   */
  static DemoPostgres choose(Map<String, String> env, String user) {
    if (env.containsKey(LocalPostgres.ADDRESS)) {
      return local(env, "named by " + LocalPostgres.ADDRESS);
    }
    if ("root".equals(user)) {
      return local(env, "not embedded: PostgreSQL refuses to run as root");
    }
    try {
      EmbeddedPostgresServer started = EmbeddedPostgresServer.start();
      return new DemoPostgres(started.server(), "embedded", Optional.of(started));
    } catch (IOException | RuntimeException e) {
      return local(env, "the embedded one did not start (" + e.getMessage() + ")");
    }
  }

  private static DemoPostgres local(Map<String, String> env, String why) {
    return new DemoPostgres(LocalPostgres.fromEnvironment(env), why, Optional.empty());
  }

  PostgresServer server() {
    return server;
  }

  /**
   * Whether what the demo creates outlives it (a server it did not start), so that it must drop it.
   * The embedded server's data directory is removed with it (by its own shutdown hook, which may
   * already have stopped it when the demo's runs).
   */
  boolean outlivesTheDemo() {
    return embedded.isEmpty();
  }

  /** {@code <server>; <why this one>}, for the demo's first lines. */
  String describe() {
    return server + "; " + choice;
  }

  @Override
  public void close() throws IOException {
    if (embedded.isPresent()) {
      embedded.get().close();
    }
  }
}
