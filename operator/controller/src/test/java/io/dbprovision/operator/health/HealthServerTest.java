package io.dbprovision.operator.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.operator.config.ListenAddress;
import io.dbprovision.operator.testing.Http;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthServerTest {
  private final AtomicReference<HealthStatus> live = new AtomicReference<>(HealthStatus.ok("ok"));
  private final AtomicReference<HealthStatus> ready =
      new AtomicReference<>(HealthStatus.failing("starting"));
  private HealthServer server;

  @BeforeEach
  void start() {
    server = HealthServer.start(new ListenAddress("127.0.0.1", 0), live::get, ready::get);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answers200WhileACheckPassesAnd503WithTheReasonWhileItFails() {
    HttpResponse<String> notReady = Http.get(server.port(), "/readyz");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.body()).isEqualTo("starting\n");
    assertThat(Http.get(server.port(), "/healthz").statusCode()).isEqualTo(200);

    ready.set(HealthStatus.ok("ok"));
    live.set(HealthStatus.failing("event recorder stopped"));

    assertThat(Http.get(server.port(), "/readyz").statusCode()).isEqualTo(200);
    HttpResponse<String> dead = Http.get(server.port(), "/healthz");
    assertThat(dead.statusCode()).isEqualTo(503);
    assertThat(dead.body()).isEqualTo("event recorder stopped\n");
  }

  @Test
  void aCheckThatThrowsIsAFailure() {
    server.close();
    server =
        HealthServer.start(
            new ListenAddress("127.0.0.1", 0),
            () -> {
              throw new IllegalStateException("boom");
            },
            ready::get);

    HttpResponse<String> response = Http.get(server.port(), "/healthz");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("IllegalStateException");
  }

  @Test
  void servesOnlyTheTwoProbesAndOnlyToGetAndHead() {
    assertThat(Http.get(server.port(), "/").statusCode()).isEqualTo(404);
    assertThat(Http.get(server.port(), "/healthz/extra").statusCode()).isEqualTo(404);
    assertThat(Http.send(server.port(), "POST", "/healthz").statusCode()).isEqualTo(405);
    assertThat(Http.send(server.port(), "HEAD", "/healthz").statusCode()).isEqualTo(200);
  }
}
