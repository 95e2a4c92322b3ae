package io.dbprovision.exporter.receiver;

import io.dbprovision.exporter.config.DeliveryConfig;
import io.dbprovision.exporter.config.ReceiverConfig;
import io.dbprovision.exporter.config.Sink;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Builds a {@link Receiver} from its configuration; templates are parsed here, once. The Web API
 * prefix is a parameter so that tests point bots at a fake Slack.
 */
public final class Receivers {
  public static final String SLACK_API = "https://slack.com/api/";

  private final String clusterName;
  private final DeliveryConfig delivery;
  private final String slackApi;
  private final Writer stdout;

  public Receivers(String clusterName, DeliveryConfig delivery, String slackApi, Writer stdout) {
    this.clusterName = clusterName;
    this.delivery = delivery;
    this.slackApi = slackApi;
    this.stdout = stdout;
  }

  /** Production: the real Slack API and the process's standard output. */
  public static Receivers standard(String clusterName, DeliveryConfig delivery) {
    return new Receivers(
        clusterName,
        delivery,
        SLACK_API,
        new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
  }

  /**
   * @throws io.dbprovision.exporter.template.TemplateException when a template does not parse
   * @throws IllegalArgumentException when TLS files cannot be read
   * @throws UncheckedIOException when a file receiver's file cannot be opened
   */
  public Receiver create(ReceiverConfig config) {
    String name = config.name();
    Sink sink = config.sink();
    if (sink instanceof Sink.Slack slack) {
      return new SlackReceiver(
          name,
          slack,
          new SlackFormatter(name, slack, clusterName),
          delivery.connectTimeout(),
          delivery.requestTimeout(),
          slackApi);
    }
    if (sink instanceof Sink.Webhook webhook) {
      return new WebhookReceiver(
          name, webhook, clusterName, delivery.connectTimeout(), delivery.requestTimeout());
    }
    if (sink instanceof Sink.Stdout out) {
      return new StreamReceiver(
          name, new EventBody(name, out.layout(), clusterName, out.deDot()), stdout);
    }
    Sink.File file = (Sink.File) sink;
    try {
      Writer writer =
          RotatingFileWriter.open(
              Path.of(file.path()),
              file.maxSize(),
              file.maxAge(),
              file.maxBackups(),
              Clock.systemUTC());
      return new StreamReceiver(
          name, new EventBody(name, file.layout(), clusterName, file.deDot()), writer);
    } catch (IOException e) {
      throw new UncheckedIOException("receiver " + name + ": cannot open " + file.path(), e);
    }
  }
}
