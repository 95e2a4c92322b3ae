package io.dbprovision.exporter.receiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.normalize.EventTemplateData;
import io.dbprovision.exporter.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON a webhook, stdout or file receiver writes for an event: the {@code layout} rendered, or
 * the Go tool's default body without one. A layout that fails to render falls back to the default
 * body (the Go tool drops the event); a digest is {@code {"digest": {...}}}.
 */
final class EventBody {
  private static final Logger LOG = LoggerFactory.getLogger(EventBody.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String receiver;
  private final Layout layout;
  private final String clusterName;
  private final boolean deDot;

  /**
   * @param layout the YAML tree, or null for the default body
   */
  EventBody(String receiver, Object layout, String clusterName, boolean deDot) {
    this.receiver = receiver;
    this.layout = layout == null ? null : Layout.parse(receiver, layout);
    this.clusterName = clusterName;
    this.deDot = deDot;
  }

  String json(Outgoing outgoing) {
    return write(tree(outgoing));
  }

  Object tree(Outgoing outgoing) {
    if (outgoing instanceof Outgoing.Digest digest) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("total", digest.total());
      body.put("summary", digest.summary());
      body.put("groups", digest.groups());
      body.put("others", digest.others());
      return Map.of("digest", body);
    }
    Outgoing.Alert alert = (Outgoing.Alert) outgoing;
    EventRecord event = alert.event();
    if (layout != null) {
      try {
        return layout.render(EventTemplateData.of(event, clusterName));
      } catch (TemplateException e) {
        LOG.warn(
            "Receiver {}: layout template {} failed at line {}, column {}: {}; sending the default"
                + " body",
            receiver,
            e.templateName(),
            e.line(),
            e.column(),
            e.detail());
      }
    }
    return EventJson.of(event, clusterName, deDot);
  }

  private static String write(Object tree) {
    try {
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an event body is plain data", e);
    }
  }
}
