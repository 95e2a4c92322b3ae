package io.dbprovision.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample manifests the demo applies ({@code /demo/manifests/*.yaml}, one object each), with
 * {@code ${NAME}} placeholders for what differs per run: the server's address and the unique names
 * on it. Values are host names, ports and plain identifiers, never credentials.
 */
final class Manifests {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");
  private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._:-]+");

  private final Map<String, String> values;

  Manifests(Map<String, String> values) {
    values.forEach(
        (name, value) -> {
          if (!SAFE_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                "placeholder " + name + " must be a plain name or address, not '" + value + "'");
          }
        });
    this.values = Map.copyOf(values);
  }

  /** The manifest {@code name}.yaml as an object of its kind. */
  <T extends HasMetadata> T load(String name, Class<T> type) {
    return Serialization.unmarshal(text(name), type);
  }

  String text(String name) {
    String resource = "/demo/manifests/" + name + ".yaml";
    try (InputStream in = Manifests.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no manifest " + resource + " in the demo jar");
      }
      return substitute(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String substitute(String resource, String text) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException(resource + ": no value for ${" + matcher.group(1) + "}");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
