package io.dbprovision.exporter.deliver;

import java.time.Duration;

/** Waits; tests replace it with one that moves a clock instead. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
