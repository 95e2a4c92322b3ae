package io.dbprovision.exporter.receiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A formatted Slack message: the plain {@code text} (notification and fallback) and one coloured
 * attachment holding the Block Kit blocks. Both transports send the same message: the bot as
 * chat.postMessage form fields, the incoming webhook as JSON.
 */
public record SlackMessage(String text, Map<String, Object> attachment) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public SlackMessage {
    attachment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attachment));
  }

  /** The {@code attachments} field: a JSON array with the one attachment. */
  public String attachmentsJson() {
    return json(List.of(attachment));
  }

  /** The incoming-webhook body. */
  public String webhookJson() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", text);
    body.put("attachments", List.of(attachment));
    return json(body);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a Slack message is plain data", e);
    }
  }
}
