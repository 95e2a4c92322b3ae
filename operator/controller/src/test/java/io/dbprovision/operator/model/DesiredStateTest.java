package io.dbprovision.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.v1alpha1.DatabaseRoleSpec;
import io.dbprovision.api.v1alpha1.DatabaseSpec;
import io.dbprovision.api.v1alpha1.DatabaseUserSpec;
import io.dbprovision.api.v1alpha1.MySqlAuthPlugin;
import io.dbprovision.api.v1alpha1.PostgresExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Specs become desired state with the schema's defaults where the API server left fields out. */
class DesiredStateTest {

  @Test
  void aMinimalDatabaseSpecMeansTheSchemaDefaults() {
    DatabaseSpec spec = new DatabaseSpec();
    spec.setName("orders");
    spec.setPostgres(null);
    spec.setMysql(null);

    DesiredDatabase database = DesiredDatabase.from(spec);

    assertThat(database.name()).isEqualTo("orders");
    assertThat(database.owner()).isEmpty();
    assertThat(database.postgres()).isEqualTo(DesiredDatabase.PostgresOptions.DEFAULTS);
    assertThat(database.mysql()).isEqualTo(DesiredDatabase.MySqlOptions.DEFAULTS);
  }

  @Test
  void carriesPostgresDatabaseOptions() {
    DatabaseSpec spec = new DatabaseSpec();
    spec.setName("orders");
    spec.setOwner("orders_owner");
    spec.getPostgres().setConnectionLimit(20);
    PostgresExtension extension = new PostgresExtension();
    extension.setName("pgcrypto");
    spec.getPostgres().setExtensions(List.of(extension));

    DesiredDatabase database = DesiredDatabase.from(spec);

    assertThat(database.owner()).contains("orders_owner");
    assertThat(database.postgres().connectionLimit()).isEqualTo(20);
    assertThat(database.postgres().extensions())
        .containsExactly(new DesiredDatabase.Extension("pgcrypto", "public", Optional.empty()));
  }

  @Test
  void aUserIsALoginUnlessTheSpecSaysOtherwise() {
    DatabaseUserSpec spec = new DatabaseUserSpec();
    spec.setUsername("app");
    spec.setPostgres(null);
    spec.setMysql(null);

    DesiredLogin login = DesiredLogin.from(spec);

    assertThat(login.postgres()).isEqualTo(RoleAttributes.LOGIN);
    assertThat(login.mysql()).isEqualTo(MySqlAccount.DEFAULTS);
  }

  @Test
  void carriesMySqlAccountOptions() {
    DatabaseUserSpec spec = new DatabaseUserSpec();
    spec.setUsername("app");
    spec.getMysql().setAllowedHosts(List.of("10.0.%", "localhost"));
    spec.getMysql().setMaxUserConnections(10);
    spec.getMysql().setAuthPlugin(MySqlAuthPlugin.mysql_native_password);

    MySqlAccount account = DesiredLogin.from(spec).mysql();

    assertThat(account.hosts()).containsExactly("10.0.%", "localhost");
    assertThat(account.maxUserConnections()).isEqualTo(10);
    assertThat(account.authPlugin()).isEqualTo("mysql_native_password");
  }

  @Test
  void aRoleCannotLogInUnlessTheSpecSaysSo() {
    DatabaseRoleSpec spec = new DatabaseRoleSpec();
    spec.setRoleName("readers");

    assertThat(DesiredRole.from(spec).postgres().login()).isFalse();
    spec.getPostgres().setLogin(true);
    assertThat(DesiredRole.from(spec).postgres().login()).isTrue();
  }
}
