package io.dbprovision.testkit.db;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves test parameters {@code @On(POSTGRES) DatabaseServer}, {@code @On(MARIADB) Scratch} and
 * the like. A {@link Scratch} lives for one test and is closed (its objects dropped) after it.
 * Servers are located from the environment (see {@link TestServer}) and checked once per run; an
 * unreachable server fails the test with instructions, it never skips.
 *
 * <p>Tests that run one scenario on every server (engine contract tests) can call {@link
 * #server(TestServer)} and {@link Scratch#on(DatabaseServer)} directly.
 */
public final class RealDatabases implements ParameterResolver {
  private static final Map<TestServer, DatabaseServer> CHECKED = new EnumMap<>(TestServer.class);
  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(RealDatabases.class);

  /** The server of a kind, located from the environment and known to answer. */
  public static synchronized DatabaseServer server(TestServer kind) {
    return CHECKED.computeIfAbsent(kind, k -> k.locate(System.getenv()).requireReachable());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DatabaseServer.class || type == Scratch.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    On on =
        parameter
            .findAnnotation(On.class)
            .orElseThrow(
                () ->
                    new ParameterResolutionException(
                        "annotate "
                            + parameter.getParameter()
                            + " with @On(POSTGRES) or @On(MARIADB)"));
    DatabaseServer server = server(on.value());
    if (parameter.getParameter().getType() == DatabaseServer.class) {
      return server;
    }
    Scratch scratch = Scratch.on(server);
    // JUnit closes AutoCloseable values of a test's store when the test ends.
    context.getStore(STORE).put(scratch, scratch);
    return scratch;
  }
}
