package io.dbprovision.exporter.receiver;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.WebhookResponse;
import io.dbprovision.exporter.config.Sink;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code slack}: posts with a bot token (chat.postMessage, which answers HTTP 200 with {@code
 * ok:false} on errors) or to an incoming webhook ({@code endpoint}, which answers with a status and
 * a plain-text error). Formatting is {@link SlackFormatter}'s; this class only sends and
 * classifies.
 */
public final class SlackReceiver implements Receiver {
  private static final Logger LOG = LoggerFactory.getLogger(SlackReceiver.class);

  private final String name;
  private final Sink.Slack sink;
  private final SlackFormatter formatter;
  private final Slack slack;
  private final Secrets secrets;
  private final String pacingKey;

  /**
   * @param methodsEndpointUrlPrefix where the Web API lives ({@code https://slack.com/api/} in
   *     production; a test server in tests)
   */
  public SlackReceiver(
      String name,
      Sink.Slack sink,
      SlackFormatter formatter,
      Duration connectTimeout,
      Duration requestTimeout,
      String methodsEndpointUrlPrefix) {
    this.name = name;
    this.sink = sink;
    this.formatter = formatter;
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(methodsEndpointUrlPrefix);
    config.setHttpClientReadTimeoutMillis((int) requestTimeout.toMillis());
    config.setHttpClientWriteTimeoutMillis((int) requestTimeout.toMillis());
    config.setHttpClientCallTimeoutMillis((int) (connectTimeout.plus(requestTimeout)).toMillis());
    config.setPrettyResponseLoggingEnabled(false);
    // The SDK's default listener logs each request's URL and body at debug: for an incoming
    // webhook the URL is the secret.
    config.setHttpClientResponseHandlers(new ArrayList<>());
    this.slack = Slack.getInstance(config);
    this.secrets = new Secrets(List.of(sink.token(), sink.endpoint(), webhookPath(sink)));
    this.pacingKey =
        "slack:" + digest(isWebhook() ? sink.endpoint() : sink.token() + "|" + sink.channel());
    // Once per receiver and configuration load (receivers are built once per load).
    if (isWebhook() && !sink.channel().isEmpty()) {
      LOG.warn(
          "Receiver {}: an app's incoming webhook always posts to its own channel; channel is"
              + " ignored",
          name);
    }
  }

  /** An incoming webhook's path is its credential (the host is public). */
  private static String webhookPath(Sink.Slack sink) {
    try {
      String path = sink.endpoint().isEmpty() ? "" : URI.create(sink.endpoint()).getRawPath();
      return path == null || path.length() <= 1 ? "" : path;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private boolean isWebhook() {
    return !sink.endpoint().isEmpty();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<String> pacingKey() {
    return Optional.of(pacingKey);
  }

  @Override
  public SendResult send(Outgoing outgoing) {
    SlackMessage message = formatter.format(outgoing);
    try {
      return isWebhook() ? sendToWebhook(message) : postMessage(message);
    } catch (SlackApiException e) {
      int code = e.getResponse().code();
      String error = e.getError() == null ? "" : e.getError().getError();
      String cause = "HTTP " + code + (error == null || error.isEmpty() ? "" : " " + error);
      return classify(code, secrets.scrub(cause), e.getResponse().header("Retry-After"));
    } catch (IOException e) {
      return SendResult.retryable(secrets.describe(e));
    }
  }

  private SendResult postMessage(SlackMessage message) throws IOException, SlackApiException {
    ChatPostMessageResponse response =
        slack
            .methods(sink.token())
            .chatPostMessage(
                r ->
                    r.channel(sink.channel())
                        .text(message.text())
                        .attachmentsAsString(message.attachmentsJson()));
    if (response.isOk()) {
      return SendResult.sent();
    }
    String error = secrets.scrub(response.getError());
    // Slack reports its own rate limit and outages in the body too.
    if ("ratelimited".equals(error) || "rate_limited".equals(error)) {
      return new SendResult.Retryable("Slack: " + error, Optional.empty());
    }
    if ("internal_error".equals(error) || "service_unavailable".equals(error)) {
      return SendResult.retryable("Slack: " + error);
    }
    return new SendResult.Permanent("Slack: " + error);
  }

  private SendResult sendToWebhook(SlackMessage message) throws IOException {
    WebhookResponse response = slack.send(sink.endpoint(), message.webhookJson());
    int code = response.getCode();
    if (code >= 200 && code < 300) {
      return SendResult.sent();
    }
    String body = response.getBody() == null ? "" : response.getBody().trim();
    String cause = "HTTP " + code + (body.isEmpty() ? "" : " " + secrets.scrub(abbreviate(body)));
    return classify(code, cause, header(response.getHeaders(), "retry-after"));
  }

  static SendResult classify(int code, String cause, String retryAfter) {
    if (code == 429 || code >= 500) {
      return new SendResult.Retryable(cause, RetryAfter.parse(retryAfter));
    }
    return new SendResult.Permanent(cause);
  }

  private static String header(Map<String, List<String>> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey() != null
          && entry.getKey().equalsIgnoreCase(name)
          && !entry.getValue().isEmpty()) {
        return entry.getValue().get(0);
      }
    }
    return null;
  }

  private static String abbreviate(String body) {
    return body.length() <= 200 ? body : body.substring(0, 200) + "…";
  }

  /** A short stable hash: destinations are compared without keeping or showing the secret. */
  private static String digest(String secret) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  @Override
  public void close() {
    try {
      slack.close();
    } catch (Exception e) {
      LOG.debug("Receiver {}: closing the Slack client failed: {}", name, e.getClass());
    }
  }
}
