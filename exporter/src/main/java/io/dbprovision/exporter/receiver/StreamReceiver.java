package io.dbprovision.exporter.receiver;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code stdout} and {@code file}: one JSON line per message, for debugging and for log shippers.
 * The writer is flushed after every line.
 */
public final class StreamReceiver implements Receiver {
  private final String name;
  private final EventBody body;
  private final Writer out;

  StreamReceiver(String name, EventBody body, Writer out) {
    this.name = name;
    this.body = body;
    this.out = out;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized SendResult send(Outgoing outgoing) {
    try {
      out.write(body.json(outgoing));
      out.write('\n');
      out.flush();
      return SendResult.sent();
    } catch (IOException e) {
      return SendResult.retryable(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.flush();
    } catch (IOException e) {
      // nothing left to do with a stream that cannot flush
    }
  }
}
