package io.dbprovision.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWatcherTest {
  private static final String TOKEN = "xoxb-1234-very-secret-token";
  private static final String WEBHOOK = "https://hooks.slack.com/services/T000/B000/secretpath";
  private static final String HEADER = "header-api-key-secret";

  private final ConfigLoader loader =
      new ConfigLoader(Map.of("SLACK_TOKEN", TOKEN, "HOOK_URL", WEBHOOK)::get, false);
  private final List<String> results = new ArrayList<>();

  @TempDir Path dir;

  private static String config(String clusterName) {
    return """
        clusterName: %s
        route:
          match:
            - receiver: bot
            - receiver: hook
        receivers:
          - name: bot
            slack:
              token: ${SLACK_TOKEN}
              channel: "#db"
          - name: hook
            webhook:
              endpoint: ${HOOK_URL}
              headers:
                X-API-KEY: %s
        """
        .formatted(clusterName, HEADER);
  }

  private ConfigWatcher watcherOver(Path file) throws Exception {
    return new ConfigWatcher(file, loader, loader.load(file).config(), results::add);
  }

  @Test
  void swapsInAChangedFileAndTellsListeners() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), config("one"));
    ConfigWatcher watcher = watcherOver(file);
    List<String> seen = new ArrayList<>();
    watcher.onChange(c -> seen.add(c.clusterName()));

    assertThat(watcher.checkNow()).isEqualTo(ConfigWatcher.Outcome.UNCHANGED);
    Files.writeString(file, config("two"));

    assertThat(watcher.checkNow()).isEqualTo(ConfigWatcher.Outcome.RELOADED);
    assertThat(watcher.current().clusterName()).isEqualTo("two");
    assertThat(seen).containsExactly("two");
    assertThat(results).containsExactly("success");
  }

  @Test
  void keepsTheOldConfigurationWhenTheNewFileIsInvalid() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), config("one"));
    ConfigWatcher watcher = watcherOver(file);
    List<String> seen = new ArrayList<>();
    watcher.onChange(c -> seen.add(c.clusterName()));

    Files.writeString(file, config("two").replace("receiver: hook", "receiver: nobody"));

    assertThat(watcher.checkNow()).isEqualTo(ConfigWatcher.Outcome.REJECTED);
    assertThat(watcher.current().clusterName()).isEqualTo("one");
    assertThat(seen).isEmpty();
    assertThat(results).containsExactly("error");
    // The same bad content is not re-counted on every check; a fix is picked up.
    assertThat(watcher.checkNow()).isEqualTo(ConfigWatcher.Outcome.UNCHANGED);
    Files.writeString(file, config("three"));
    assertThat(watcher.checkNow()).isEqualTo(ConfigWatcher.Outcome.RELOADED);
    assertThat(results).containsExactly("error", "success");
  }

  @Test
  void checksTheFileOnASchedule() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), config("one"));
    ConfigWatcher watcher = watcherOver(file);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      watcher.start(scheduler, Duration.ofMillis(20));
      Files.writeString(file, config("two"));

      await().until(() -> watcher.current().clusterName().equals("two"));
      watcher.stop();
      Files.writeString(file, config("three"));
      assertThat(watcher.checkNow()).isEqualTo(ConfigWatcher.Outcome.RELOADED);
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void aFileThatIsBrieflyMissingChangesNothing() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), config("one"));
    ConfigWatcher watcher = watcherOver(file);

    Files.delete(file);

    assertThat(watcher.checkNow()).isEqualTo(ConfigWatcher.Outcome.UNCHANGED);
    assertThat(watcher.current().clusterName()).isEqualTo("one");
    assertThat(results).isEmpty();
  }

  @Test
  void neverLogsATokenAWebhookUrlOrAHeaderValue() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), config("one"));
    List<String> texts = new ArrayList<>();
    try (LogCapture logs = new LogCapture()) {
      ConfigWatcher watcher = watcherOver(file);
      Files.writeString(file, config("two") + "unknownKey: 1\n");
      watcher.checkNow();
      Files.writeString(file, config("three").replace("channel: \"#db\"", "channel: \"\""));
      watcher.checkNow();
      texts.addAll(logs.lines());
      watcher.current().receivers().forEach(r -> texts.add(r.toString()));
      texts.add(watcher.current().toString());
    }

    assertThat(texts)
        .as("log lines and config renderings")
        .anySatisfy(line -> assertThat(line).contains("configuration reloaded"))
        .anySatisfy(line -> assertThat(line).contains("rejected"))
        .anySatisfy(line -> assertThat(line).contains("<redacted>"))
        .noneSatisfy(line -> assertThat(line).contains(TOKEN))
        .noneSatisfy(line -> assertThat(line).contains("secretpath"))
        .noneSatisfy(line -> assertThat(line).contains(HEADER));
  }
}
