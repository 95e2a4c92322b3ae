package io.dbprovision.exporter.render;

import io.dbprovision.exporter.config.ExporterConfig;
import io.dbprovision.exporter.config.ReceiverConfig;
import io.dbprovision.exporter.config.Sink;
import io.dbprovision.exporter.pipeline.PayloadRenderer;
import io.dbprovision.exporter.template.FunctionRegistry;
import io.dbprovision.exporter.template.GoTemplate;
import io.dbprovision.exporter.template.TemplateException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders receivers' payloads ({@link Payloads}) with Go templates parsed once per receiver
 * configuration. Thread-safe: delivery workers of several receivers may render at once.
 */
public final class TemplatePayloadRenderer implements PayloadRenderer {
  private static final Logger LOG = LoggerFactory.getLogger(TemplatePayloadRenderer.class);

  private final FunctionRegistry functions;
  private final Map<ReceiverConfig, Function<Map<String, Object>, Object>> compiled =
      new ConcurrentHashMap<>();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private final AtomicLong failures = new AtomicLong();

  public TemplatePayloadRenderer(FunctionRegistry functions) {
    this.functions = Objects.requireNonNull(functions);
  }

  public TemplatePayloadRenderer() {
    this(FunctionRegistry.standard());
  }

  /**
   * Parses the templates of every receiver of a configuration that has just loaded (validation has
   * checked that they parse), so that no template is parsed on the delivery path.
   */
  public TemplatePayloadRenderer prepare(ExporterConfig config) {
    config.receivers().forEach(this::compiledFor);
    return this;
  }

  @Override
  public Object render(ReceiverConfig receiver, Map<String, Object> eventData) {
    return compiledFor(receiver).apply(eventData);
  }

  /** How many template executions failed and fell back to the plain message. */
  public long failures() {
    return failures.get();
  }

  private Function<Map<String, Object>, Object> compiledFor(ReceiverConfig receiver) {
    return compiled.computeIfAbsent(receiver, this::compile);
  }

  private Function<Map<String, Object>, Object> compile(ReceiverConfig receiver) {
    String prefix = "receivers[" + receiver.name() + "]." + receiver.sink().kind() + ".";
    Sink sink = receiver.sink();
    if (sink instanceof Sink.Slack slack) {
      return compileSlack(receiver.name(), prefix, slack);
    }
    if (sink instanceof Sink.Webhook webhook) {
      return compileWebhook(receiver.name(), prefix, webhook);
    }
    if (sink instanceof Sink.Stdout stdout) {
      return layout(receiver.name(), prefix + "layout", stdout.layout(), stdout.deDot());
    }
    Sink.File file = (Sink.File) sink;
    return layout(receiver.name(), prefix + "layout", file.layout(), file.deDot());
  }

  private Function<Map<String, Object>, Object> compileWebhook(
      String receiver, String prefix, Sink.Webhook webhook) {
    Map<String, Field> headers = new TreeMap<>();
    webhook
        .headers()
        .forEach(
            (name, value) -> headers.put(name, field(receiver, prefix + "headers." + name, value)));
    Function<Map<String, Object>, Object> body =
        layout(receiver, prefix + "layout", webhook.layout(), false);
    return data -> {
      Map<String, Object> payload = new LinkedHashMap<>();
      Map<String, Object> rendered = new LinkedHashMap<>();
      headers.forEach((name, field) -> rendered.put(name, field.render(data)));
      payload.put(Payloads.HEADERS, rendered);
      payload.put(Payloads.BODY, body.apply(data));
      return payload;
    };
  }

  private Function<Map<String, Object>, Object> compileSlack(
      String receiver, String prefix, Sink.Slack slack) {
    Map<String, Field> parts = new LinkedHashMap<>();
    parts.put(Payloads.MESSAGE, field(receiver, prefix + "message", slack.message()));
    parts.put(Payloads.COLOR, field(receiver, prefix + "color", slack.color()));
    parts.put(Payloads.TITLE, field(receiver, prefix + "title", slack.title()));
    parts.put(Payloads.AUTHOR_NAME, field(receiver, prefix + "author_name", slack.authorName()));
    parts.put(Payloads.FOOTER, field(receiver, prefix + "footer", slack.footer()));
    Map<String, Field> fields = new TreeMap<>();
    slack
        .fields()
        .forEach(
            (name, value) -> fields.put(name, field(receiver, prefix + "fields." + name, value)));
    return data -> {
      Map<String, Object> payload = new LinkedHashMap<>();
      parts.forEach((key, field) -> payload.put(key, field.render(data)));
      Map<String, Object> renderedFields = new LinkedHashMap<>();
      fields.forEach((name, field) -> renderedFields.put(name, field.render(data)));
      payload.put(Payloads.FIELDS, renderedFields);
      return payload;
    };
  }

  private Function<Map<String, Object>, Object> layout(
      String receiver, String path, Object layout, boolean deDot) {
    if (layout == null) {
      return deDot ? DeDot::apply : data -> data;
    }
    Function<Map<String, Object>, Object> tree = tree(receiver, path, layout);
    return deDot ? data -> tree.apply(DeDot.apply(data)) : tree;
  }

  /** Compiles a layout: string leaves are templates, structure and other leaves are kept. */
  private Function<Map<String, Object>, Object> tree(String receiver, String path, Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Function<Map<String, Object>, Object>> children = new LinkedHashMap<>();
      map.forEach(
          (key, value) ->
              children.put(String.valueOf(key), tree(receiver, path + "." + key, value)));
      return data -> {
        Map<String, Object> out = new LinkedHashMap<>();
        children.forEach((key, child) -> out.put(key, child.apply(data)));
        return out;
      };
    }
    if (node instanceof List<?> list) {
      List<Function<Map<String, Object>, Object>> items = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        items.add(tree(receiver, path + "[" + i + "]", list.get(i)));
      }
      return data -> {
        List<Object> out = new ArrayList<>(items.size());
        items.forEach(item -> out.add(item.apply(data)));
        return Collections.unmodifiableList(out);
      };
    }
    if (node instanceof String text) {
      Field field = field(receiver, path, text);
      return field::render;
    }
    return data -> node;
  }

  private Field field(String receiver, String path, String text) {
    if (text == null || text.isEmpty()) {
      return data -> "";
    }
    if (!text.contains("{{")) {
      return data -> text;
    }
    GoTemplate template = GoTemplate.parse(path, text, functions);
    return data -> template.renderOrFallback(data, e -> fallback(receiver, path, e, data));
  }

  private String fallback(
      String receiver, String path, TemplateException e, Map<String, Object> data) {
    failures.incrementAndGet();
    if (reported.add(path)) {
      LOG.warn(
          "receiver {}: template {} failed at line {}, column {} ({}); sending a plain message"
              + " instead (logged once)",
          receiver,
          path,
          e.line(),
          e.column(),
          e.detail());
    }
    return PlainMessage.of(data);
  }

  /** One rendered value. */
  @FunctionalInterface
  private interface Field {
    String render(Map<String, Object> data);
  }
}
