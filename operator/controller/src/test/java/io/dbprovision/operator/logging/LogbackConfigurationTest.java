package io.dbprovision.operator.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shipped {@code logback.xml}, loaded as the operator loads it, in both formats. */
class LogbackConfigurationTest {

  private static LoggerContext configure(String format) throws JoranException {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    if (format != null) {
      // Logback resolves ${DBPROVISION_LOG_FORMAT} from context properties before the environment.
      context.putProperty("DBPROVISION_LOG_FORMAT", format);
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogbackConfigurationTest.class.getResource("/logback.xml"));
    return context;
  }

  private static String encode(LoggerContext context) {
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Logger logger = context.getLogger("io.dbprovision.operator.reconcile.GrantReconciler");
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(),
            logger,
            Level.INFO,
            "Granted {} on {} to {}",
            null,
            new Object[] {"SELECT", "orders", "app"});
    event.setThreadName("reconciler-1");
    ConsoleAppender<?> console = (ConsoleAppender<?>) root.getAppender("console");
    @SuppressWarnings("unchecked")
    var encoder =
        ((ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent>) console).getEncoder();
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  @Test
  void textIsTheDefault() throws Exception {
    LoggerContext context = configure(null);

    assertThat(encode(context))
        .matches(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  \\[reconciler-1\\]"
                + " i\\.d\\.o\\.reconcile\\.GrantReconciler - Granted SELECT on orders to app\\n");
    assertThat(new StatusUtil(context).getHighestLevel(0)).isLessThan(Status.WARN);
  }

  @Test
  void jsonWritesOneObjectPerLineWithTheFormattedMessage() throws Exception {
    LoggerContext context = configure("json");

    String line = encode(context);

    assertThat(line).endsWith("\n").doesNotContain("\n\n");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("level").asText()).isEqualTo("INFO");
    assertThat(json.get("loggerName").asText())
        .isEqualTo("io.dbprovision.operator.reconcile.GrantReconciler");
    assertThat(json.get("threadName").asText()).isEqualTo("reconciler-1");
    assertThat(json.get("formattedMessage").asText()).isEqualTo("Granted SELECT on orders to app");
    assertThat(json.get("timestamp").asLong()).isPositive();
    assertThat(json.has("arguments")).isFalse();
    assertThat(new StatusUtil(context).getHighestLevel(0)).isLessThan(Status.WARN);
  }

  @Test
  void quietsChattyClientLibraries() throws Exception {
    LoggerContext context = configure("text");

    assertThat(context.getLogger("io.netty").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.vertx").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.dbprovision").getEffectiveLevel()).isEqualTo(Level.INFO);
  }
}
