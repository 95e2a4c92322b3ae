package io.dbprovision.exporter.pipeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test receiver: records every routing decision instead of delivering it. */
public final class RecordingDispatcher implements Dispatcher {
  private final List<Decision> decisions = new CopyOnWriteArrayList<>();

  @Override
  public void dispatch(Decision decision) {
    decisions.add(decision);
  }

  /** Every decision so far, in order. */
  public List<Decision> decisions() {
    return List.copyOf(decisions);
  }
}
