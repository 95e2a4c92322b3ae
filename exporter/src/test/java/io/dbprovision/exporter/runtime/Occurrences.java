package io.dbprovision.exporter.runtime;

import io.dbprovision.exporter.pipeline.Decision;
import io.dbprovision.exporter.pipeline.RecordingDispatcher;
import java.util.Map;
import java.util.TreeMap;

/** Occurrences dispatched per Event name, summed over the given receivers' recordings. */
final class Occurrences {
  private Occurrences() {}

  static Map<String, Integer> byEvent(RecordingDispatcher... recordings) {
    Map<String, Integer> sums = new TreeMap<>();
    for (RecordingDispatcher recording : recordings) {
      for (Decision decision : recording.decisions()) {
        sums.merge(decision.event().name(), decision.occurrences(), Integer::sum);
      }
    }
    return sums;
  }
}
