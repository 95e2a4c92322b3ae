package io.dbprovision.exporter.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a receiver sends: one of the sinks we support, with the Go tool's keys. Template strings
 * (messages, titles, layouts, header values) are kept as written; the template engine parses them.
 *
 * <p>{@code toString()} of every sink redacts what can be a secret (tokens, endpoints that embed
 * credentials, header values), so a sink can appear in a log line or exception by accident without
 * leaking it.
 */
public sealed interface Sink {

  /** The sink keys this exporter delivers to, in the order error messages list them. */
  List<String> SUPPORTED = List.of("slack", "webhook", "stdout", "file");

  /** The sink's key in the YAML. */
  String kind();

  /**
   * {@code slack}: a bot ({@code token} + {@code channel}, chat.postMessage) or an incoming webhook
   * ({@code endpoint}, our extension; {@code channel} cannot redirect an app's webhook).
   *
   * @param fields attachment fields, name to template (the Go tool sorts them by name)
   */
  record Slack(
      String token,
      String endpoint,
      String channel,
      String message,
      String color,
      String title,
      String authorName,
      String footer,
      Map<String, String> fields)
      implements Sink {
    public Slack {
      fields = Map.copyOf(fields);
    }

    @Override
    public String kind() {
      return "slack";
    }

    @Override
    public String toString() {
      return "Slack[token="
          + redacted(token)
          + ", endpoint="
          + redacted(endpoint)
          + ", channel="
          + channel
          + ", fields="
          + new TreeMap<>(fields).keySet()
          + "]";
    }
  }

  /**
   * {@code webhook}: POST JSON to {@code endpoint}.
   *
   * @param headers header name to value template
   * @param layout the body shape: a map or list whose string leaves are templates, or null for the
   *     event as the Go tool serialises it
   */
  record Webhook(String endpoint, Map<String, String> headers, Object layout, Tls tls)
      implements Sink {
    public Webhook {
      headers = Map.copyOf(headers);
    }

    @Override
    public String kind() {
      return "webhook";
    }

    @Override
    public String toString() {
      return "Webhook[endpoint="
          + redacted(endpoint)
          + ", headers="
          + new TreeMap<>(headers).keySet()
          + ", layout="
          + (layout == null ? "none" : "set")
          + ", tls="
          + tls
          + "]";
    }
  }

  /** {@code stdout}: one JSON line per event. */
  record Stdout(Object layout, boolean deDot) implements Sink {
    @Override
    public String kind() {
      return "stdout";
    }

    @Override
    public String toString() {
      return "Stdout[layout=" + (layout == null ? "none" : "set") + ", deDot=" + deDot + "]";
    }
  }

  /** {@code file}: one JSON line per event, rotated by size (MB) and age (days). */
  record File(String path, Object layout, boolean deDot, int maxSize, int maxAge, int maxBackups)
      implements Sink {
    @Override
    public String kind() {
      return "file";
    }

    @Override
    public String toString() {
      return "File[path="
          + path
          + ", layout="
          + (layout == null ? "none" : "set")
          + ", deDot="
          + deDot
          + "]";
    }
  }

  /** Client TLS settings of a webhook, with the Go tool's keys. Verification is on by default. */
  record Tls(
      boolean insecureSkipVerify,
      String serverName,
      String caFile,
      String certFile,
      String keyFile) {
    public static Tls defaults() {
      return new Tls(false, "", "", "", "");
    }
  }

  private static String redacted(String secret) {
    return secret == null || secret.isEmpty() ? "<unset>" : "<redacted>";
  }
}
