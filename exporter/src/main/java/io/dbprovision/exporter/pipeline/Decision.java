package io.dbprovision.exporter.pipeline;

import io.dbprovision.exporter.config.ReceiverConfig;
import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.normalize.EventTemplateData;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's answer for one changed Event: it stands for {@code occurrences} new occurrences
 * and goes to these receivers (each once, in route order). Delivery applies each receiver's
 * notification policy; rendering goes through {@link #payloadFor}.
 *
 * @param receivers the receivers' configurations, looked up in the configuration that routed
 * @param clusterName the configuration's {@code clusterName}, for the template data
 */
public record Decision(
    EventRecord event, int occurrences, List<ReceiverConfig> receivers, String clusterName) {

  public Decision {
    receivers = List.copyOf(receivers);
  }

  public List<String> receiverNames() {
    return receivers.stream().map(ReceiverConfig::name).toList();
  }

  /** The data templates evaluate over (the Go tool's field names). */
  public Map<String, Object> templateData() {
    return EventTemplateData.of(event, clusterName);
  }

  /** What the receiver would send for this event, as the template engine renders it. */
  public Object payloadFor(ReceiverConfig receiver, PayloadRenderer renderer) {
    return renderer.render(receiver, templateData());
  }
}
