package io.dbprovision.exporter.receiver;

import io.dbprovision.exporter.config.Sink;
import io.dbprovision.exporter.normalize.EventTemplateData;
import io.dbprovision.exporter.template.GoTemplate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;

/**
 * {@code webhook}: POSTs the event as JSON ({@link EventBody}) with templated headers; 2xx is
 * success. A header value whose template fails is sent as written, as the Go tool does.
 */
public final class WebhookReceiver implements Receiver {
  private final String name;
  private final URI endpoint;
  private final Map<String, GoTemplate> headers;
  private final EventBody body;
  private final HttpClient client;
  private final Duration requestTimeout;
  private final Secrets secrets;
  private final String clusterName;

  public WebhookReceiver(
      String name,
      Sink.Webhook sink,
      String clusterName,
      Duration connectTimeout,
      Duration requestTimeout) {
    this.name = name;
    this.endpoint = URI.create(sink.endpoint());
    this.clusterName = clusterName;
    Map<String, GoTemplate> parsed = new LinkedHashMap<>();
    sink.headers().forEach((k, v) -> parsed.put(k, GoTemplate.parse(name + ".headers." + k, v)));
    this.headers = parsed;
    this.body = new EventBody(name, sink.layout(), clusterName, false);
    this.requestTimeout = requestTimeout;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER);
    if ("https".equalsIgnoreCase(endpoint.getScheme())) {
      TlsContext tls = TlsContext.of(name, sink.tls());
      builder.sslContext(tls.sslContext()).sslParameters(tls.sslParameters());
    }
    this.client = builder.build();
    List<String> secretValues = new ArrayList<>();
    for (String value : sink.headers().values()) {
      secretValues.add(value);
      // "Bearer <token>": a server may echo the token alone.
      for (String part : value.trim().split("\\s+")) {
        if (part.length() >= 8 && !value.contains("{{")) {
          secretValues.add(part);
        }
      }
    }
    secretValues.add(sink.endpoint());
    secretValues.add(endpoint.getRawPath());
    secretValues.add(endpoint.getRawQuery());
    this.secrets = new Secrets(secretValues);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SendResult send(Outgoing outgoing) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(requestTimeout)
            .POST(HttpRequest.BodyPublishers.ofString(body.json(outgoing)));
    boolean contentType = false;
    Object data =
        outgoing instanceof Outgoing.Alert alert
            ? EventTemplateData.of(alert.event(), clusterName)
            : Map.of();
    for (Map.Entry<String, GoTemplate> header : headers.entrySet()) {
      GoTemplate template = header.getValue();
      request.header(header.getKey(), template.renderOrFallback(data, e -> template.text()));
      contentType |= header.getKey().equalsIgnoreCase("Content-Type");
    }
    if (!contentType) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      int code = response.statusCode();
      if (code >= 200 && code < 300) {
        return SendResult.sent();
      }
      String text = response.body() == null ? "" : response.body().trim();
      String cause =
          "HTTP "
              + code
              + (text.isEmpty()
                  ? ""
                  : " " + secrets.scrub(text.length() > 200 ? text.substring(0, 200) + "…" : text));
      return SlackReceiver.classify(
          code, cause, response.headers().firstValue("Retry-After").orElse(null));
    } catch (SSLHandshakeException e) {
      // Trust and name mismatches do not heal by retrying; the TLS settings need fixing.
      return new SendResult.Permanent("TLS handshake failed: " + secrets.describe(e));
    } catch (HttpTimeoutException e) {
      return SendResult.retryable("timed out after " + requestTimeout.toMillis() + " ms");
    } catch (IOException e) {
      return SendResult.retryable(secrets.describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.retryable("interrupted");
    }
  }

  @Override
  public void close() {
    // HttpClient has no close() before Java 21; its threads end with the client's last reference.
  }
}
