package io.dbprovision.exporter.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads configuration fixtures from {@code src/test/resources/config}. */
final class ConfigFixtures {
  private ConfigFixtures() {}

  static String read(String name) {
    try (InputStream in = ConfigFixtures.class.getResourceAsStream("/config/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
