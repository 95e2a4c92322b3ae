package io.dbprovision.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the exporter's stdout receiver writes (one JSON line per message, shaped as the Slack
 * route's message): each line is shown as the notification Slack would get.
 */
final class SlackNotifications extends Writer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Console console;
  private final StringBuilder line = new StringBuilder();
  private final AtomicInteger shown = new AtomicInteger();

  SlackNotifications(Console console) {
    this.console = console;
  }

  /** How many notifications were shown so far. */
  int count() {
    return shown.get();
  }

  @Override
  public synchronized void write(char[] buffer, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (buffer[i] == '\n') {
        show(line.toString());
        line.setLength(0);
      } else {
        line.append(buffer[i]);
      }
    }
  }

  private void show(String json) {
    if (json.isBlank()) {
      return;
    }
    console.line(Console.Source.SLACK, describe(json));
    shown.incrementAndGet();
  }

  /** {@code #db-alerts Database/archive: DeletionBlocked | <message>}; other bodies as they are. */
  static String describe(String json) {
    try {
      JsonNode body = JSON.readTree(json);
      if (body.hasNonNull("text")) {
        String text = body.get("text").asText().strip().replace("\n", " | ");
        return body.path("channel").asText("") + "  " + text;
      }
    } catch (JsonProcessingException e) {
      // not JSON after all: show it as written
    }
    return json;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
