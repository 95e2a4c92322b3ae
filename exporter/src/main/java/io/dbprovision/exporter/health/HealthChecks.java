package io.dbprovision.exporter.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The named liveness and readiness checks of the process, and the HTTP handler that answers {@code
 * /healthz} and {@code /readyz} with 200 or 503 and the failed checks.
 */
public final class HealthChecks {
  public static final String LIVENESS_PATH = "/healthz";
  public static final String READINESS_PATH = "/readyz";

  private final Map<String, HealthCheck> liveness = new ConcurrentSkipListMap<>();
  private final Map<String, HealthCheck> readiness = new ConcurrentSkipListMap<>();

  public HealthChecks liveness(String name, HealthCheck check) {
    liveness.put(name, check);
    return this;
  }

  public HealthChecks readiness(String name, HealthCheck check) {
    readiness.put(name, check);
    return this;
  }

  /** The failed liveness checks, as {@code name: problem}; empty when live. */
  public List<String> livenessProblems() {
    return problems(liveness);
  }

  /** The failed readiness checks, as {@code name: problem}; empty when ready. */
  public List<String> readinessProblems() {
    return problems(readiness);
  }

  private static List<String> problems(Map<String, HealthCheck> checks) {
    List<String> problems = new ArrayList<>();
    checks.forEach(
        (name, check) -> {
          Optional<String> problem;
          try {
            problem = check.problem();
          } catch (RuntimeException e) {
            problem = Optional.of("check failed: " + e.getClass().getSimpleName());
          }
          problem.ifPresent(p -> problems.add(name + ": " + p));
        });
    return problems;
  }

  /** Answers the two paths; anything else is 404. */
  public HttpHandler handler() {
    Map<String, java.util.function.Supplier<List<String>>> routes = new ConcurrentHashMap<>();
    routes.put(LIVENESS_PATH, this::livenessProblems);
    routes.put(READINESS_PATH, this::readinessProblems);
    return exchange -> {
      try (exchange) {
        var route = routes.get(exchange.getRequestURI().getPath());
        if (route == null) {
          respond(exchange, 404, "not found\n");
          return;
        }
        List<String> problems = route.get();
        respond(
            exchange,
            problems.isEmpty() ? 200 : 503,
            problems.isEmpty() ? "ok\n" : String.join("\n", problems) + "\n");
      }
    };
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
