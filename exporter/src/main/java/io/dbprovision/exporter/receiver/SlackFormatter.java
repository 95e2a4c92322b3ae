package io.dbprovision.exporter.receiver;

import io.dbprovision.exporter.config.Sink;
import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.normalize.EventTemplateData;
import io.dbprovision.exporter.template.GoTemplate;
import io.dbprovision.exporter.template.TemplateException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an event into a Slack message: templates parsed once, evaluated over mrkdwn-escaped event
 * data, Slack's size limits enforced by truncation with a marker.
 *
 * <p>Layout: top-level {@code text} is the rendered message (the notification and fallback); one
 * attachment carries the colour (Warning {@code danger}, otherwise {@code good}, unless the {@code
 * color} template renders something) and blocks: a header ({@code title}), a section with the
 * message, sections of fields (sorted by name, as the Go tool does) and a context line ({@code
 * author_name}, {@code footer}). A template that fails to execute falls back to a plain message;
 * the alert is never dropped for it.
 */
public final class SlackFormatter {
  static final int MAX_TEXT = 40_000;
  static final int MAX_SECTION_TEXT = 3_000;
  static final int MAX_HEADER = 150;
  static final int MAX_FIELD = 2_000;
  static final int MAX_FIELDS_PER_SECTION = 10;
  static final int MAX_CONTEXT = 2_000;
  static final int MAX_BLOCKS = 50;
  static final String DEFAULT_MESSAGE =
      "{{ .Type }} {{ .InvolvedObject.Kind }} {{ .InvolvedObject.Namespace }}/"
          + "{{ .InvolvedObject.Name }}: *{{ .Reason }}* {{ .Message }}";

  private static final Logger LOG = LoggerFactory.getLogger(SlackFormatter.class);
  private static final DateTimeFormatter SINCE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final String receiver;
  private final String clusterName;
  private final GoTemplate message;
  private final GoTemplate color;
  private final GoTemplate title;
  private final GoTemplate authorName;
  private final GoTemplate footer;
  private final Map<String, GoTemplate> fields;

  /**
   * @throws TemplateException if a template does not parse (named {@code <receiver>.message} and so
   *     on, with line and column)
   */
  public SlackFormatter(String receiver, Sink.Slack sink, String clusterName) {
    this.receiver = receiver;
    this.clusterName = clusterName;
    this.message = parse("message", sink.message().isEmpty() ? DEFAULT_MESSAGE : sink.message());
    this.color = parse("color", sink.color());
    this.title = parse("title", sink.title());
    this.authorName = parse("author_name", sink.authorName());
    this.footer = parse("footer", sink.footer());
    Map<String, GoTemplate> parsed = new TreeMap<>();
    sink.fields().forEach((name, text) -> parsed.put(name, parse("fields." + name, text)));
    this.fields = parsed;
  }

  private GoTemplate parse(String key, String text) {
    return GoTemplate.parse(receiver + "." + key, text);
  }

  public SlackMessage format(Outgoing outgoing) {
    if (outgoing instanceof Outgoing.Alert alert) {
      return formatAlert(alert);
    }
    return formatDigest((Outgoing.Digest) outgoing);
  }

  private SlackMessage formatAlert(Outgoing.Alert alert) {
    EventRecord event = alert.event();
    Object data = Mrkdwn.escapeData(EventTemplateData.of(event, clusterName));
    String plain = plainMessage(event);
    String text = render(message, data, plain);
    if (alert.repeats() > 0) {
      text += " (×" + alert.repeats() + " since " + SINCE.format(alert.since()) + ")";
    }
    text = Mrkdwn.truncate(text, MAX_TEXT);

    List<Map<String, Object>> blocks = new ArrayList<>();
    String titleText = render(title, data, "");
    if (!titleText.isBlank()) {
      // Header blocks are plain_text: Slack shows them verbatim, so the escaping is undone.
      blocks.add(
          block(
              "header",
              "text",
              textObject("plain_text", Mrkdwn.truncate(unescape(titleText), MAX_HEADER))));
    }
    blocks.add(section(Mrkdwn.truncate(text, MAX_SECTION_TEXT)));
    List<Map<String, Object>> fieldObjects = new ArrayList<>();
    fields.forEach(
        (name, template) ->
            fieldObjects.add(
                textObject(
                    "mrkdwn",
                    Mrkdwn.truncate(
                        "*" + Mrkdwn.escape(name) + "*\n" + render(template, data, ""),
                        MAX_FIELD))));
    for (int i = 0; i < fieldObjects.size(); i += MAX_FIELDS_PER_SECTION) {
      blocks.add(
          block(
              "section",
              "fields",
              fieldObjects.subList(i, Math.min(fieldObjects.size(), i + MAX_FIELDS_PER_SECTION))));
    }
    List<Map<String, Object>> context = new ArrayList<>();
    for (GoTemplate template : List.of(authorName, footer)) {
      String value = render(template, data, "");
      if (!value.isBlank()) {
        context.add(textObject("mrkdwn", Mrkdwn.truncate(value, MAX_CONTEXT)));
      }
    }
    if (!context.isEmpty()) {
      blocks.add(block("context", "elements", context));
    }
    String colour = render(color, data, "").trim();
    if (colour.isEmpty()) {
      colour = "Warning".equals(event.type()) ? "danger" : "good";
    }
    return new SlackMessage(text, attachment(colour, text, limit(blocks)));
  }

  private SlackMessage formatDigest(Outgoing.Digest digest) {
    String text = Mrkdwn.truncate(Mrkdwn.escape(digest.summary()), MAX_TEXT);
    boolean warnings = digest.groups().stream().anyMatch(g -> "Warning".equals(g.type()));
    return new SlackMessage(
        text,
        attachment(
            warnings ? "danger" : "good",
            text,
            List.of(section(Mrkdwn.truncate(text, MAX_SECTION_TEXT)))));
  }

  /** At most 50 blocks; the last kept one says how many were cut. */
  private static List<Map<String, Object>> limit(List<Map<String, Object>> blocks) {
    if (blocks.size() <= MAX_BLOCKS) {
      return blocks;
    }
    List<Map<String, Object>> kept = new ArrayList<>(blocks.subList(0, MAX_BLOCKS - 1));
    kept.add(section("… (" + (blocks.size() - kept.size()) + " more blocks truncated)"));
    return kept;
  }

  private String render(GoTemplate template, Object data, String fallback) {
    if (template.text().isEmpty()) {
      return "";
    }
    return template.renderOrFallback(
        data,
        error -> {
          LOG.warn(
              "Receiver {}: template {} failed at line {}, column {}: {}; sending a plain message",
              receiver,
              error.templateName(),
              error.line(),
              error.column(),
              error.detail());
          return fallback;
        });
  }

  /** What is sent when the message template fails: the facts, escaped. */
  static String plainMessage(EventRecord event) {
    return Mrkdwn.escape(
        event.type()
            + " "
            + event.involvedObject().kind()
            + " "
            + event.involvedObject().namespace()
            + "/"
            + event.involvedObject().name()
            + ": "
            + event.reason()
            + " "
            + event.message());
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private static Map<String, Object> attachment(
      String colour, String fallback, List<Map<String, Object>> blocks) {
    Map<String, Object> attachment = new LinkedHashMap<>();
    attachment.put("color", colour);
    attachment.put("fallback", Mrkdwn.truncate(fallback, MAX_SECTION_TEXT));
    attachment.put("blocks", blocks);
    return attachment;
  }

  private static Map<String, Object> section(String mrkdwn) {
    return block("section", "text", textObject("mrkdwn", mrkdwn));
  }

  private static Map<String, Object> block(String type, String key, Object value) {
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("type", type);
    block.put(key, value);
    return block;
  }

  private static Map<String, Object> textObject(String type, String text) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("type", type);
    object.put("text", text.isEmpty() ? " " : text);
    return object;
  }
}
