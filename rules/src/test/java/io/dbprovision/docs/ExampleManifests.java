package io.dbprovision.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The documents of the sample manifests under {@code docs/examples/}. */
final class ExampleManifests {
  static final YAMLMapper YAML = new YAMLMapper();

  /** One YAML document of one example file. */
  record Document(Path file, int index, JsonNode manifest) {
    String kind() {
      return manifest.path("kind").asText();
    }

    String apiVersion() {
      return manifest.path("apiVersion").asText();
    }

    @Override
    public String toString() {
      return file.getFileName()
          + "#"
          + index
          + " "
          + kind()
          + "/"
          + manifest.at("/metadata/name").asText();
    }
  }

  private ExampleManifests() {}

  static List<Document> all() {
    List<Document> documents = new ArrayList<>();
    for (Path file : DocPaths.examples()) {
      try (MappingIterator<JsonNode> it =
          YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
        int index = 0;
        while (it.hasNext()) {
          JsonNode manifest = it.next();
          if (manifest != null && !manifest.isEmpty()) {
            documents.add(new Document(file, index, manifest));
          }
          index++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot parse " + DocPaths.relative(file), e);
      }
    }
    return documents;
  }
}
