package io.dbprovision.exporter.template;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The conformance fixtures: {@code template/corpus.tmpl} and {@code template/rejected.tmpl}
 * (entries introduced by a {@code #### id description} line; the entry is every line up to the next
 * header, without the final line break) and {@code template/events.json} (events shaped like the Go
 * exporter's enhanced event).
 */
final class TemplateCorpus {
  record Entry(String id, String description, String text) {
    @Override
    public String toString() {
      return id + " " + description;
    }
  }

  record Event(String name, Map<String, Object> data) {
    @Override
    public String toString() {
      return name;
    }
  }

  private TemplateCorpus() {}

  /** Templates Go renders; ours must render them identically. */
  static List<Entry> entries() {
    return entries("template/corpus.tmpl");
  }

  /** Templates Go refuses (at parse or execution time); ours must refuse them too. */
  static List<Entry> rejected() {
    return entries("template/rejected.tmpl");
  }

  private static List<Entry> entries(String resourceName) {
    String text = resource(resourceName);
    List<Entry> entries = new ArrayList<>();
    String id = null;
    String description = null;
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("#### ")) {
        if (id != null) {
          entries.add(new Entry(id, description, withoutFinalNewline(body)));
        }
        String[] header = line.substring(5).split(" ", 2);
        id = header[0];
        description = header.length > 1 ? header[1] : "";
        body.setLength(0);
      } else if (id != null) {
        body.append(line).append('\n');
      }
    }
    if (id != null) {
      entries.add(new Entry(id, description, withoutFinalNewline(body)));
    }
    return List.copyOf(entries);
  }

  static List<Event> events() {
    try {
      List<Map<String, Object>> raw =
          new ObjectMapper().readValue(resource("template/events.json"), new TypeReference<>() {});
      List<Event> events = new ArrayList<>();
      for (Map<String, Object> item : raw) {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) item.get("event");
        events.add(new Event((String) item.get("name"), data));
      }
      return List.copyOf(events);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String withoutFinalNewline(StringBuilder body) {
    // The file's last entry ends with the file's own newline plus the split's empty tail.
    String text = body.toString();
    while (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    return text;
  }

  private static String resource(String name) {
    try (InputStream in = TemplateCorpus.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
