package io.dbprovision.operator.events;

import static io.dbprovision.api.events.CatalogEvent.DATABASE_CREATED;
import static io.dbprovision.api.events.CatalogEvent.INSTANCE_CONNECTED;
import static io.dbprovision.api.events.CatalogEvent.INSTANCE_CONNECTION_FAILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import io.dbprovision.api.events.CatalogEvent;
import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.operator.metrics.OperatorMetrics;
import io.dbprovision.operator.testing.Scrape;
import io.dbprovision.operator.testing.TestClock;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventRecorderTest {
  private final TestClock clock = TestClock.at("2026-11-25T08:00:00Z");
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final OperatorMetrics metrics = new OperatorMetrics(registry);
  private final FakeEventSink sink = new FakeEventSink();
  private EventRecorder recorder = recorder(EventRecorder.DEFAULT_QUEUE_CAPACITY, 3);

  private EventRecorder recorder(int capacity, int attempts) {
    return new EventRecorder(
        sink,
        new EventCorrelator(clock),
        metrics,
        clock,
        capacity,
        new EventRecorder.Retry(attempts, Duration.ZERO));
  }

  @AfterEach
  void stop() {
    recorder.close();
  }

  static DatabaseInstance instance(String name) {
    DatabaseInstance instance = new DatabaseInstance();
    instance.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace("shop")
            .withName(name)
            .withUid("uid-" + name)
            .withResourceVersion("12")
            .build());
    return instance;
  }

  private double outcome(CatalogEvent event, String outcome) {
    return Scrape.of(registry)
        .get(
            "dbprovision_operator_events_total",
            "kind",
            event.kind().kind(),
            "reason",
            event.reason(),
            "type",
            event.type().name(),
            "outcome",
            outcome);
  }

  @Test
  void writesANewEventThenPatchesItsRepeats() {
    recorder.start();
    DatabaseInstance pg = instance("pg");

    recorder.record(pg, INSTANCE_CONNECTION_FAILED, "connection refused");
    clock.advance(Duration.ofSeconds(10));
    recorder.record(pg, INSTANCE_CONNECTION_FAILED, "connection refused");
    clock.advance(Duration.ofSeconds(10));
    recorder.record(pg, INSTANCE_CONNECTION_FAILED, "connection refused");

    await().untilAsserted(() -> assertThat(sink.calls()).hasSize(3));
    assertThat(sink.calls())
        .extracting(FakeEventSink.Call::verb)
        .containsExactly("create", "patch", "patch");
    EventWrite stored = sink.stored().get(0);
    assertThat(sink.stored()).hasSize(1);
    assertThat(stored.count()).isEqualTo(3);
    assertThat(stored.object())
        .isEqualTo(
            new InvolvedObject(
                "dbops.dbprovision.io/v1alpha1", "DatabaseInstance", "shop", "pg", "uid-pg", "12"));
    assertThat(outcome(INSTANCE_CONNECTION_FAILED, "created")).isEqualTo(1);
    assertThat(outcome(INSTANCE_CONNECTION_FAILED, "patched")).isEqualTo(2);
  }

  @Test
  void recordReturnsAtOnceAndDropsWhenTheQueueIsFull() throws InterruptedException {
    recorder = recorder(2, 3);
    recorder.start();
    CountDownLatch writing = sink.hold();
    recorder.record(instance("first"), INSTANCE_CONNECTED, "up");
    assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

    // The worker is stuck in the sink: two fit in the queue, three are dropped, none waits.
    for (int i = 0; i < 5; i++) {
      recorder.record(instance("next-" + i), INSTANCE_CONNECTED, "up");
    }
    assertThat(recorder.queued()).isEqualTo(2);
    assertThat(outcome(INSTANCE_CONNECTED, "dropped")).isEqualTo(3);

    sink.release();
    await().untilAsserted(() -> assertThat(sink.stored()).hasSize(3));
    assertThat(outcome(INSTANCE_CONNECTED, "created")).isEqualTo(3);
  }

  @Test
  void anEventThatExpiredOnTheServerIsCreatedAgainWithItsCount() {
    recorder.start();
    DatabaseInstance pg = instance("pg");
    recorder.record(pg, INSTANCE_CONNECTION_FAILED, "connection refused");
    await().until(() -> sink.stored().size() == 1);
    String name = sink.stored().get(0).name();
    sink.expire(name);

    recorder.record(pg, INSTANCE_CONNECTION_FAILED, "connection refused");

    await().until(() -> sink.stored().size() == 1);
    assertThat(sink.calls())
        .extracting(FakeEventSink.Call::verb)
        .containsExactly("create", "patch", "create");
    assertThat(sink.stored().get(0).name()).isEqualTo(name);
    assertThat(sink.stored().get(0).count()).isEqualTo(2);
    assertThat(outcome(INSTANCE_CONNECTION_FAILED, "created")).isEqualTo(2);
  }

  @Test
  void retriesWhileTheServerIsUnavailable() {
    sink.failNext(EventSinkException.Cause.UNAVAILABLE, EventSinkException.Cause.UNAVAILABLE);
    recorder.start();

    recorder.record(instance("pg"), INSTANCE_CONNECTED, "up");

    await().until(() -> sink.stored().size() == 1);
    assertThat(sink.calls()).hasSize(3);
    assertThat(outcome(INSTANCE_CONNECTED, "created")).isEqualTo(1);
  }

  @Test
  void givesUpAfterTheLastAttemptAndCountsTheDrop() {
    sink.failNext(
        EventSinkException.Cause.UNAVAILABLE,
        EventSinkException.Cause.UNAVAILABLE,
        EventSinkException.Cause.UNAVAILABLE);
    recorder.start();

    recorder.record(instance("pg"), INSTANCE_CONNECTED, "up");

    await().until(() -> outcome(INSTANCE_CONNECTED, "dropped") == 1);
    assertThat(sink.calls()).hasSize(3);
    assertThat(sink.stored()).isEmpty();
  }

  @Test
  void doesNotRetryAnEventTheServerRefused() {
    sink.failNext(EventSinkException.Cause.REJECTED);
    recorder.start();

    recorder.record(instance("pg"), INSTANCE_CONNECTED, "up");
    recorder.record(instance("pg"), INSTANCE_CONNECTION_FAILED, "down");

    await().until(() -> sink.stored().size() == 1);
    assertThat(sink.calls()).hasSize(2);
    assertThat(outcome(INSTANCE_CONNECTED, "dropped")).isEqualTo(1);
  }

  @Test
  void survivesASinkThatThrowsAndKeepsWriting() {
    sink.crashNext(new IllegalStateException("boom"));
    recorder.start();

    recorder.record(instance("a"), INSTANCE_CONNECTED, "up");
    recorder.record(instance("b"), INSTANCE_CONNECTED, "up");

    await().until(() -> sink.stored().size() == 1);
    assertThat(sink.stored().get(0).object().name()).isEqualTo("b");
    assertThat(recorder.isRunning()).isTrue();
    assertThat(outcome(INSTANCE_CONNECTED, "dropped")).isEqualTo(1);
  }

  @Test
  void reportsAWorkerKilledByAnError() {
    sink.crashNext(new StackOverflowError("deep"));
    recorder.start();
    assertThat(recorder.isRunning()).isTrue();

    recorder.record(instance("a"), INSTANCE_CONNECTED, "up");

    await().until(() -> !recorder.isRunning());
  }

  @Test
  void countsEventsTheSpamFilterHoldsBackAsDropped() {
    recorder.start();
    DatabaseInstance pg = instance("pg");

    for (int i = 0; i < 27; i++) {
      recorder.record(pg, INSTANCE_CONNECTION_FAILED, "connection refused");
    }

    await().until(() -> outcome(INSTANCE_CONNECTION_FAILED, "dropped") == 2);
    assertThat(outcome(INSTANCE_CONNECTION_FAILED, "created")).isEqualTo(1);
    assertThat(outcome(INSTANCE_CONNECTION_FAILED, "patched")).isEqualTo(24);
  }

  @Test
  void refusesAnEventOfAnotherKindThanTheObject() {
    recorder.start();
    Database orders = new Database();
    orders.setMetadata(new ObjectMetaBuilder().withNamespace("shop").withName("orders").build());

    recorder.record(orders, INSTANCE_CONNECTED, "up");
    recorder.record(orders, DATABASE_CREATED, "created");

    await().until(() -> sink.stored().size() == 1);
    assertThat(sink.stored().get(0).event()).isEqualTo(DATABASE_CREATED);
    assertThat(outcome(INSTANCE_CONNECTED, "dropped")).isEqualTo(1);
  }

  @Test
  void neverThrowsIntoTheCaller() {
    recorder.start();
    HasMetadata withoutMetadata = new DatabaseInstance();

    assertThatCode(
            () -> {
              recorder.record(null, INSTANCE_CONNECTED, "up");
              recorder.record(withoutMetadata, INSTANCE_CONNECTED, "up");
              recorder.record(instance("pg"), null, "up");
            })
        .doesNotThrowAnyException();
    assertThat(outcome(INSTANCE_CONNECTED, "dropped")).isEqualTo(2);
  }

  @Test
  void usesTheCatalogDescriptionForABlankMessageAndCutsLongOnes() {
    recorder.start();

    recorder.record(instance("a"), INSTANCE_CONNECTED, " ");
    recorder.record(instance("b"), INSTANCE_CONNECTED, "x".repeat(5000));

    await().until(() -> sink.stored().size() == 2);
    assertThat(sink.stored().get(0).message()).isEqualTo(INSTANCE_CONNECTED.description());
    assertThat(sink.stored().get(1).message()).hasSize(1024).endsWith("...");
  }

  @Test
  void closeWritesWhatIsQueuedAndStopsTheWorker() throws InterruptedException {
    recorder.start();
    CountDownLatch writing = sink.hold();
    recorder.record(instance("a"), INSTANCE_CONNECTED, "up");
    assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
    recorder.record(instance("b"), INSTANCE_CONNECTED, "up");
    sink.release();

    recorder.close(Duration.ofSeconds(10));

    assertThat(recorder.isRunning()).isFalse();
    assertThat(sink.stored()).extracting(w -> w.object().name()).containsExactly("a", "b");
    recorder.record(instance("c"), INSTANCE_CONNECTED, "up");
    assertThat(outcome(INSTANCE_CONNECTED, "dropped")).isEqualTo(1);
  }

  @Test
  void acceptsOnlyCatalogEventsSoNoOtherReasonCanBeRecorded() {
    List<Method> recording =
        Arrays.stream(EventRecorder.class.getMethods())
            .filter(m -> m.getName().startsWith("record"))
            .filter(m -> !Modifier.isStatic(m.getModifiers()))
            .toList();

    assertThat(recording).isNotEmpty();
    assertThat(recording)
        .allSatisfy(
            m ->
                assertThat(m.getParameterTypes())
                    .containsExactly(HasMetadata.class, CatalogEvent.class, String.class));
  }
}
