package io.dbprovision.operator.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.api.v1alpha1.MySqlBackupOptions;
import io.dbprovision.api.v1alpha1.PostgresBackupOptions;
import io.dbprovision.api.v1alpha1.PostgresDumpFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClientCommandTest {
  private static final String PASSWORD = "s3cr3t-p4ss";

  private static DatabaseAddress address(Engine engine) {
    return new DatabaseAddress(engine, "db.example", 5432, "backup", PASSWORD, "orders");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void passesThePasswordThroughTheEnvironmentOnly(Engine engine) {
    for (ClientCommand command :
        List.of(
            ClientCommand.dump(address(engine), null, null, true),
            ClientCommand.restore(address(engine), "custom"),
            ClientCommand.restore(address(engine), "plain"))) {
      assertThat(command.arguments()).noneMatch(a -> a.contains(PASSWORD));
      assertThat(command.toString()).doesNotContain(PASSWORD);
      assertThat(command.environment()).containsValue(PASSWORD);
    }
    assertThat(address(engine).toString()).doesNotContain(PASSWORD);
  }

  @Test
  void dumpsPostgresInCustomFormatWithoutItsOwnCompressionWhenThePipelineCompresses() {
    ClientCommand command = ClientCommand.dump(address(Engine.postgres), null, null, true);

    assertThat(command.arguments())
        .startsWith("pg_dump")
        .contains("--format=custom", "--compress=0", "--dbname=orders", "--no-password");
    assertThat(command.format()).isEqualTo("custom");
    assertThat(ClientCommand.dump(address(Engine.postgres), null, null, false).arguments())
        .doesNotContain("--compress=0");
  }

  @Test
  void passesThePostgresOptions() {
    PostgresBackupOptions options = new PostgresBackupOptions();
    options.setFormat(PostgresDumpFormat.plain);
    options.setNoOwner(true);
    options.setSchemas(List.of("public"));
    options.setExcludeTables(List.of("audit_log"));

    ClientCommand command = ClientCommand.dump(address(Engine.postgres), options, null, true);

    assertThat(command.arguments())
        .contains("--format=plain", "--no-owner", "--schema=public", "--exclude-table=audit_log")
        .doesNotContain("--compress=0", "--data-only");
    assertThat(command.format()).isEqualTo("plain");
    assertThat(ClientCommand.restore(address(Engine.postgres), "plain").arguments())
        .startsWith("psql");
    assertThat(ClientCommand.restore(address(Engine.postgres), "custom").arguments())
        .startsWith("pg_restore")
        .contains("--single-transaction", "--exit-on-error")
        .doesNotContain("--clean");
  }

  @Test
  void anInPlaceRestoreReplacesTheDumpsObjectsInItsTransaction() {
    assertThat(ClientCommand.restore(address(Engine.postgres), "custom", true).arguments())
        .startsWith("pg_restore")
        .contains("--single-transaction", "--clean", "--if-exists");
    assertThat(ClientCommand.restore(address(Engine.mariadb), "sql", true).arguments())
        .doesNotContain("--clean", "--force");
  }

  @Test
  void dumpsMySqlConsistentlyByDefaultAndHonoursTheOptions() {
    assertThat(ClientCommand.dump(address(Engine.mariadb), null, null, true).arguments())
        .contains("--single-transaction", "--quick", "--routines", "--triggers", "--events")
        .endsWith("orders");
    MySqlBackupOptions options = new MySqlBackupOptions();
    options.setTriggers(false);
    options.setEvents(false);

    assertThat(ClientCommand.dump(address(Engine.mysql), null, options, true).arguments())
        .contains("--skip-triggers")
        .doesNotContain("--events", "--triggers");
  }

  @Test
  void refusesDatabaseNamesAClientWouldReadAsOptions() {
    assertThatThrownBy(() -> address(Engine.postgres).withDatabase("host=evil"))
        .hasMessageContaining("host=evil");
    assertThatThrownBy(() -> address(Engine.mysql).withDatabase("--execute"))
        .hasMessageContaining("--execute");
  }
}
