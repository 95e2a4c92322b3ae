package io.dbprovision.exporter.receiver;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures every log line of the process (root logger, all levels) while open. */
public final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Level previousLevel = root.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public LogCapture() {
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.TRACE);
  }

  /** Each captured line as it would be written: formatted message plus any throwable's text. */
  public List<String> lines() {
    return appender.list.stream()
        .map(
            e ->
                e.getFormattedMessage()
                    + (e.getThrowableProxy() == null
                        ? ""
                        : " " + e.getThrowableProxy().getMessage()))
        .toList();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    root.setLevel(previousLevel);
  }
}
