package io.dbprovision.exporter.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload: re-reads the configuration file when its content changes, validates it, and swaps it
 * in atomically. A file that does not load keeps the current configuration in force, logs every
 * problem (paths and messages, never values) and counts {@code result="error"}.
 *
 * <p>Change detection compares the file's bytes on each check rather than using a file-system
 * watch: a mounted ConfigMap changes by swapping a symlink of the parent directory, which
 * inotify-based watches see unreliably, and the files are small.
 */
public final class ConfigWatcher {
  /** The {@code result} label values of {@code config_reloads_total}. */
  public static final String SUCCESS = "success";

  public static final String ERROR = "error";

  private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

  private final Path file;
  private final ConfigLoader loader;
  private final Consumer<String> reloadResults;
  private final AtomicReference<ExporterConfig> current;
  private final List<Consumer<ExporterConfig>> listeners = new CopyOnWriteArrayList<>();
  private byte[] lastContent;
  private ScheduledFuture<?> schedule;

  /** What one check did. */
  public enum Outcome {
    UNCHANGED,
    RELOADED,
    REJECTED
  }

  /**
   * @param initial the configuration loaded from the file at start
   * @param reloadResults told {@link #SUCCESS} or {@link #ERROR} after each reload attempt (the
   *     metrics counter)
   */
  public ConfigWatcher(
      Path file, ConfigLoader loader, ExporterConfig initial, Consumer<String> reloadResults)
      throws IOException {
    this.file = Objects.requireNonNull(file);
    this.loader = Objects.requireNonNull(loader);
    this.reloadResults = Objects.requireNonNull(reloadResults);
    this.current = new AtomicReference<>(Objects.requireNonNull(initial));
    this.lastContent = Files.readAllBytes(file);
  }

  /** The configuration in force. */
  public ExporterConfig current() {
    return current.get();
  }

  /** Called with each new configuration after it has been swapped in. */
  public void onChange(Consumer<ExporterConfig> listener) {
    listeners.add(listener);
  }

  /** Checks the file now; safe to call from one thread at a time (the scheduler's). */
  public synchronized Outcome checkNow() {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      // A ConfigMap update removes and re-creates links; the next check sees the new file.
      LOG.debug("configuration file {} is missing for now", file);
      return Outcome.UNCHANGED;
    } catch (IOException e) {
      LOG.warn("cannot read configuration file {}: {}", file, e.toString());
      return Outcome.UNCHANGED;
    }
    if (Arrays.equals(content, lastContent)) {
      return Outcome.UNCHANGED;
    }
    lastContent = content;
    try {
      LoadedConfig loaded =
          loader.parse(new String(content, StandardCharsets.UTF_8), file.toString());
      loaded.warnings().forEach(w -> LOG.warn("configuration {}: {}", file, w));
      current.set(loaded.config());
      reloadResults.accept(SUCCESS);
      LOG.info(
          "configuration reloaded from {}: {} receivers", file, loaded.config().receivers().size());
      listeners.forEach(listener -> listener.accept(loaded.config()));
      return Outcome.RELOADED;
    } catch (InvalidConfigException e) {
      reloadResults.accept(ERROR);
      LOG.error("configuration change rejected, keeping the previous one: {}", e.getMessage());
      return Outcome.REJECTED;
    }
  }

  /** Checks the file at a fixed interval on the given scheduler until {@link #stop()}. */
  public synchronized void start(ScheduledExecutorService scheduler, Duration interval) {
    if (schedule == null) {
      schedule =
          scheduler.scheduleWithFixedDelay(
              this::checkNow, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  public synchronized void stop() {
    if (schedule != null) {
      schedule.cancel(false);
      schedule = null;
    }
  }
}
