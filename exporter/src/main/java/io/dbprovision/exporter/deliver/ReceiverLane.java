package io.dbprovision.exporter.deliver;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.spi.Scheduler;
import io.dbprovision.exporter.config.DeliveryConfig;
import io.dbprovision.exporter.metrics.ExporterMetrics;
import io.dbprovision.exporter.receiver.Outgoing;
import io.dbprovision.exporter.receiver.Receiver;
import io.dbprovision.exporter.receiver.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One receiver's bounded queue and its one worker thread, so messages to a receiver keep their
 * order and a slow receiver holds up no other.
 *
 * <p>The worker sends the oldest waiting alert; when {@code digestThreshold} or more are waiting it
 * sends all of them as one digest instead. Events beyond {@code queueCapacity} are not stored: they
 * are counted straight into the next digest, so memory stays bounded in a storm and nothing
 * disappears uncounted. Each message is retried by Failsafe (5xx, 429, I/O: exponential backoff
 * with jitter, {@code Retry-After} honoured, capped) and paced per destination.
 */
final class ReceiverLane {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiverLane.class);
  private static final double JITTER = 0.2;

  private final Receiver receiver;
  private final NotifyGate gate;
  private final Pacer pacer;
  private final DeliveryConfig config;
  private final ExporterMetrics metrics;
  private final Clock clock;
  private final Sleeper sleeper;
  private final FailsafeExecutor<SendResult> retrying;
  private final Thread worker;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Outgoing.Alert> queue = new ArrayDeque<>();
  private DigestBuilder overflow = new DigestBuilder();
  private boolean closing;
  private boolean busy;

  ReceiverLane(
      Receiver receiver,
      NotifyGate gate,
      Pacer pacer,
      DeliveryConfig config,
      ExporterMetrics metrics,
      Clock clock,
      Sleeper sleeper,
      Scheduler scheduler) {
    this.receiver = receiver;
    this.gate = gate;
    this.pacer = pacer;
    this.config = config;
    this.metrics = metrics;
    this.clock = clock;
    this.sleeper = sleeper;
    this.retrying = Failsafe.with(retryPolicy(config)).with(scheduler);
    metrics.receiverConfigured(receiver.name(), Outcome.LABELS);
    this.worker = new Thread(this::work, "deliver-" + receiver.name());
    worker.setDaemon(true);
  }

  /**
   * Failsafe runs the attempts and schedules the waits; the delay is ours, because Failsafe's
   * jitter would also shorten a server's {@code Retry-After}, which must be waited in full.
   */
  static RetryPolicy<SendResult> retryPolicy(DeliveryConfig config) {
    return RetryPolicy.<SendResult>builder()
        .handleResultIf(result -> result instanceof SendResult.Retryable)
        .withMaxAttempts(config.maxAttempts())
        .withDelayFn(
            context ->
                retryDelay(
                    context.getLastResult(),
                    context.getAttemptCount(),
                    config,
                    ThreadLocalRandom.current().nextDouble()))
        .build();
  }

  /**
   * The wait before the next attempt: the server's {@code Retry-After} (capped at {@code
   * maxRetryAfter}) when it sent one, else exponential backoff from {@code initialBackoff},
   * doubling per attempt up to {@code maxBackoff}, with ±20% jitter so that receivers do not retry
   * in step.
   *
   * @param attempts attempts made so far (1 after the first)
   * @param random uniform in [0, 1)
   */
  static Duration retryDelay(SendResult last, int attempts, DeliveryConfig config, double random) {
    if (last instanceof SendResult.Retryable retryable && retryable.retryAfter().isPresent()) {
      Duration asked = retryable.retryAfter().get();
      return asked.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : asked;
    }
    double base = config.initialBackoff().toMillis() * Math.pow(2, Math.max(0, attempts - 1));
    double capped = Math.min(base, config.maxBackoff().toMillis());
    double jittered = capped * (1 + (random * 2 - 1) * JITTER);
    return Duration.ofMillis(Math.round(Math.min(jittered, config.maxBackoff().toMillis())));
  }

  void start() {
    worker.start();
  }

  String name() {
    return receiver.name();
  }

  boolean isAlive() {
    return worker.isAlive();
  }

  /** Hands one event over; never blocks on the network. */
  void submit(io.dbprovision.exporter.normalize.EventRecord event) {
    var alert = gate.admit(event);
    if (alert.isEmpty()) {
      metrics.delivered(name(), Outcome.SUPPRESSED.label(), 1);
      return;
    }
    lock.lock();
    try {
      if (closing) {
        metrics.delivered(name(), Outcome.DROPPED.label(), 1);
        return;
      }
      if (queue.size() >= config.queueCapacity()) {
        overflow.add(event);
      } else {
        queue.addLast(alert.get());
      }
      metrics.queueDepth(name(), queue.size() + overflow.total());
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void work() {
    while (true) {
      Outgoing next;
      int events;
      lock.lock();
      try {
        while (queue.isEmpty() && overflow.total() == 0 && !closing) {
          changed.awaitUninterruptibly();
        }
        if (queue.isEmpty() && overflow.total() == 0) {
          changed.signalAll();
          return;
        }
        if (overflow.total() > 0 || queue.size() >= config.digestThreshold()) {
          DigestBuilder digest = overflow;
          overflow = new DigestBuilder();
          queue.forEach(a -> digest.add(a.event()));
          queue.clear();
          next = digest.build();
          events = digest.total();
        } else {
          next = queue.pollFirst();
          events = 1;
        }
        busy = true;
        metrics.queueDepth(name(), queue.size());
      } finally {
        lock.unlock();
      }
      Outcome outcome = deliver(next);
      metrics.delivered(
          name(),
          next instanceof Outgoing.Digest && outcome == Outcome.SENT
              ? Outcome.DIGESTED.label()
              : outcome.label(),
          events);
      lock.lock();
      try {
        busy = false;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private Outcome deliver(Outgoing message) {
    Instant started = clock.instant();
    CompletableFuture<SendResult> sending = null;
    try {
      sending =
          retrying.getAsync(
              context -> {
                pacer.acquire(sleeper);
                metrics.deliveryAttempted(name());
                SendResult attempt = receiver.send(message);
                if (attempt instanceof SendResult.Retryable retryable) {
                  retryable.retryAfter().ifPresent(d -> pacer.pauseUntil(clock.instant().plus(d)));
                  LOG.debug(
                      "Receiver {}: attempt {} failed: {}",
                      name(),
                      context.getAttemptCount() + 1,
                      retryable.cause());
                }
                return attempt;
              });
      SendResult result = sending.get();
      if (result instanceof SendResult.Sent) {
        return Outcome.SENT;
      }
      String cause =
          result instanceof SendResult.Permanent permanent
              ? permanent.cause() + " (not retried)"
              : ((SendResult.Retryable) result).cause()
                  + " (gave up after "
                  + config.maxAttempts()
                  + " attempts)";
      LOG.warn("Receiver {}: delivery failed: {}", name(), cause);
      return Outcome.FAILED;
    } catch (InterruptedException e) {
      // Shutdown passed its deadline: no retry may fire after the receiver is closed.
      sending.cancel(true);
      Thread.currentThread().interrupt();
      return Outcome.DROPPED;
    } catch (ExecutionException e) {
      LOG.warn("Receiver {}: delivery failed: {}", name(), e.getCause().getClass().getSimpleName());
      return Outcome.FAILED;
    } finally {
      metrics.deliveryTook(
          name(), Duration.between(started, clock.instant()).toNanos() / 1_000_000_000.0);
    }
  }

  /**
   * Stops taking events and lets the worker empty the queue until {@code deadline}; whatever is
   * left then is counted as dropped.
   *
   * @return whether the queue drained in time
   */
  boolean drain(Instant deadline) throws InterruptedException {
    lock.lock();
    try {
      closing = true;
      changed.signalAll();
      while (!queue.isEmpty() || overflow.total() > 0 || busy) {
        long left = Duration.between(Instant.now(), deadline).toNanos();
        if (left <= 0) {
          break;
        }
        changed.awaitNanos(left);
      }
      int left = queue.size() + overflow.total();
      if (left > 0) {
        metrics.delivered(name(), Outcome.DROPPED.label(), left);
        queue.clear();
        overflow = new DigestBuilder();
        metrics.queueDepth(name(), 0);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    worker.interrupt();
    worker.join(TimeUnit.SECONDS.toMillis(1));
    receiver.close();
    return !worker.isAlive();
  }
}
