package io.dbprovision.demo;

import io.dbprovision.api.ResourceKind;
import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.demo.Console.Source;
import io.dbprovision.exporter.config.ConfigLoader;
import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.config.InvalidConfigException;
import io.dbprovision.exporter.render.GoTemplateSyntax;
import io.dbprovision.exporter.runtime.ExporterProcess;
import io.dbprovision.exporter.runtime.ProcessSettings;
import io.dbprovision.exporter.runtime.QueuedDelivery;
import io.dbprovision.operator.Main;
import io.dbprovision.operator.OperatorProcess;
import io.dbprovision.operator.config.OperatorConfig;
import io.dbprovision.operator.engine.DatabaseEngine;
import io.dbprovision.operator.engine.DatabaseEngines;
import io.dbprovision.operator.engine.EngineException;
import io.dbprovision.operator.engine.ServerInfo;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole demo in one process: the Kubernetes API stand-in, the operator and the exporter (each
 * with its own client, as in their own containers), the sample resources on a PostgreSQL server,
 * and what they report, printed. {@link #close()} stops everything and drops what the demo created
 * on the server.
 */
public final class Demo implements AutoCloseable {
  /** Where the chart installs operator and exporter (the exporter's checkpoint lives there). */
  public static final String SYSTEM_NAMESPACE = "db-provision-operator-system";

  private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

  /**
   * The mock server logs every request through java.util.logging; the demo prints what matters
   * itself. Held here because java.util.logging keeps its loggers only weakly.
   */
  private static final java.util.logging.Logger MOCK_SERVER_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private final Console console;
  private final DemoPostgres postgres;
  private final PostgresServer server;
  private final DatabaseEngine engine;
  private final ServerNames names = ServerNames.unique();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile MockKubernetes kubernetes;
  private KubernetesClient user;
  private KubernetesClient operatorClient;
  private KubernetesClient exporterClient;
  private OperatorProcess operator;
  private ExporterProcess exporter;
  private SlackNotifications notifications;
  private EventFeed events;
  private Set<String> reconciledKinds = Set.of();

  private Demo(Console console, DemoPostgres postgres) {
    this.console = console;
    this.postgres = postgres;
    this.server = postgres.server();
    this.engine =
        new DatabaseEngines(STATEMENT_TIMEOUT)
            .engineFor(Engine.postgres, new DirectConnections(server));
  }

  /**
   * Starts everything but the scenario.
   *
   * @param env the demo's settings (which PostgreSQL, see {@link DemoPostgres})
   * @param out where the demo shows what happens
   * @param clients how each component's client is built beyond its defaults
   * @throws DemoUnavailable when the PostgreSQL server cannot be used (the message says how to fix
   *     it)
   */
  public static Demo start(Map<String, String> env, PrintStream out, ClusterClients clients)
      throws DemoUnavailable, InterruptedException {
    Console console = new Console(out, Clock.systemDefaultZone());
    DemoPostgres postgres;
    try {
      postgres = DemoPostgres.choose(env, System.getProperty("user.name"));
    } catch (IllegalArgumentException e) {
      throw new DemoUnavailable(e.getMessage());
    }
    Demo demo = new Demo(console, postgres);
    try {
      demo.checkServer();
      demo.startCluster(clients);
      return demo;
    } catch (DemoUnavailable | InterruptedException | RuntimeException e) {
      demo.close();
      throw e;
    }
  }

  private void checkServer() throws DemoUnavailable {
    try {
      ServerInfo info = engine.checkHealth();
      console.line(Source.DEMO, "PostgreSQL " + info.version() + ": " + postgres.describe());
    } catch (EngineException e) {
      throw new DemoUnavailable(
          "The demo needs a PostgreSQL server it may create databases and logins on, and the "
              + postgres.describe()
              + " cannot be used: "
              + e.getMessage()
              + "\nStart one there, or point the demo at yours: "
              + LocalPostgres.ADDRESS
              + "=host:port "
              + LocalPostgres.USER
              + "=... "
              + LocalPostgres.PASSWORD
              + "=... (see docs/development.md).");
    }
  }

  private void startCluster(ClusterClients clients) throws DemoUnavailable, InterruptedException {
    MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    kubernetes = MockKubernetes.start();
    console.line(
        Source.DEMO,
        "Kubernetes API stand-in (fabric8 mock server, CRUD mode, "
            + ResourceKind.values().length
            + " CRDs) at "
            + kubernetes.url());
    user = client(clients, Component.USER);
    user.namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(SYSTEM_NAMESPACE)
                .endMetadata()
                .build())
        .create();
    events = new EventFeed(user, Scenario.NAMESPACE, console);

    operatorClient = client(clients, Component.OPERATOR);
    operator = startOperator(operatorClient);
    console.line(
        Source.DEMO,
        "operator started: reconcilers for "
            + String.join(", ", reconciledKinds)
            + "; /metrics on http://127.0.0.1:"
            + operator.metricsPort()
            + "/metrics");

    notifications = new SlackNotifications(console);
    exporterClient = client(clients, Component.EXPORTER);
    exporter = startExporter(exporterClient);
    console.line(
        Source.DEMO,
        "exporter started: /metrics on http://127.0.0.1:"
            + exporter.port()
            + "/metrics; the Slack route's messages are printed as \"slack\" lines");
  }

  private KubernetesClient client(ClusterClients clients, Component component) {
    return kubernetes.newClient(clients.forComponent(component));
  }

  private OperatorProcess startOperator(KubernetesClient client) {
    OperatorConfig config =
        OperatorConfig.fromEnv(
            Map.of(
                OperatorConfig.METRICS_ADDRESS, "127.0.0.1:0",
                OperatorConfig.HEALTH_ADDRESS, "127.0.0.1:0",
                // The stand-in cannot do server-side apply; JSON merge patches do the same here.
                OperatorConfig.SERVER_SIDE_APPLY, "false"));
    AtomicReference<Set<String>> kinds = new AtomicReference<>(Set.of());
    OperatorProcess process =
        OperatorProcess.start(
            config,
            client,
            Clock.systemUTC(),
            services -> {
              var reconcilers = Main.reconcilers(services);
              kinds.set(ReconciledKinds.of(reconcilers));
              return reconcilers;
            });
    reconciledKinds = kinds.get();
    return process;
  }

  private ExporterProcess startExporter(KubernetesClient client)
      throws DemoUnavailable, InterruptedException {
    try {
      ExporterConfig config =
          new ConfigLoader(name -> null, true, new GoTemplateSyntax())
              .parse(exporterConfig(), "exporter.yaml")
              .config();
      return ExporterProcess.start(
          client,
          config,
          ProcessSettings.defaults("127.0.0.1:0", SYSTEM_NAMESPACE, "demo", "demo"),
          QueuedDelivery.factory(notifications),
          Clock.systemUTC());
    } catch (InvalidConfigException e) {
      throw new IllegalStateException("the demo's exporter.yaml is invalid: " + e.getMessage(), e);
    } catch (IOException | TimeoutException e) {
      throw new DemoUnavailable("the exporter did not start: " + e.getMessage());
    }
  }

  private static String exporterConfig() {
    try (InputStream in = Demo.class.getResourceAsStream("/demo/exporter.yaml")) {
      if (in == null) {
        throw new IllegalStateException("no /demo/exporter.yaml in the demo jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Applies the sample resources and makes things happen, printing Events and notifications as they
   * come, then the exporter's counters. Returns once the exporter has counted and notified the
   * Warnings.
   */
  public void runScenario() throws ScenarioFailure, InterruptedException, IOException {
    new Scenario(
            user,
            console,
            events,
            notifications,
            new EventCounters(exporter.port()),
            server,
            engine,
            names,
            reconciledKinds)
        .run();
  }

  /** Says something in the demo's voice. */
  public void say(String text) {
    console.line(Source.DEMO, text);
  }

  /** Whether {@link #close()} has begun (Ctrl-C while the scenario runs). */
  public boolean isClosing() {
    return closed.get();
  }

  /**
   * Stops the event feed, the operator, the exporter, their clients and the API stand-in (in that
   * order), then drops what the demo created on the server, and stops the server if the demo
   * started it. Runs once.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (kubernetes == null) {
      // The server check failed: nothing was started or created.
      stop(postgres);
      return;
    }
    console.line(Source.DEMO, "stopping: operator, exporter, Kubernetes API stand-in");
    // The operator first, so that nothing new happens; the API stand-in last, as the others talk
    // to it until they stop.
    stop(events, operator, operatorClient, exporter, exporterClient, user, kubernetes);
    if (postgres.outlivesTheDemo()) {
      for (String done : names.dropAll(engine)) {
        console.line(Source.DEMO, "cleanup: " + done);
      }
    } else {
      console.line(Source.DEMO, "cleanup: the embedded PostgreSQL goes, with its data directory");
    }
    stop(postgres);
    console.line(Source.DEMO, "stopped");
  }

  /** Closes each that was started, in order; a failure is reported and the rest still closed. */
  private void stop(AutoCloseable... components) {
    for (AutoCloseable component : components) {
      if (component == null) {
        continue;
      }
      try {
        component.close();
      } catch (Exception e) {
        console.line(Source.DEMO, "while stopping: " + e);
      }
    }
  }
}
