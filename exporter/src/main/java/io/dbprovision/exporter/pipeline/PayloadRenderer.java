package io.dbprovision.exporter.pipeline;

import io.dbprovision.exporter.config.ReceiverConfig;
import java.util.Map;

/**
 * The seam to the template engine: renders what a receiver sends (its message, fields, headers or
 * layout, per sink) from an event's template data. Implementations parse the receiver's templates
 * once, at configuration load.
 */
@FunctionalInterface
public interface PayloadRenderer {

  /**
   * @param eventData the event's template data ({@link Decision#templateData()})
   * @return plain Java data: a {@code String}, or a {@code Map}/{@code List} tree for layouts
   */
  Object render(ReceiverConfig receiver, Map<String, Object> eventData);
}
