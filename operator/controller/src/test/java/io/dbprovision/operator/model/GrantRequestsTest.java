package io.dbprovision.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.v1alpha1.DatabaseGrantSpec;
import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.api.v1alpha1.MySqlGrant;
import io.dbprovision.api.v1alpha1.MySqlGrantLevel;
import io.dbprovision.api.v1alpha1.MySqlGrantSpec;
import io.dbprovision.api.v1alpha1.PostgresDefaultPrivilege;
import io.dbprovision.api.v1alpha1.PostgresGrant;
import io.dbprovision.api.v1alpha1.PostgresGrantSpec;
import io.dbprovision.api.v1alpha1.PostgresObjectType;
import io.dbprovision.operator.model.GrantTarget.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrantRequestsTest {

  static PostgresGrant pg(
      String database, String schema, List<String> tables, String... privileges) {
    PostgresGrant grant = new PostgresGrant();
    grant.setDatabase(database);
    grant.setSchema(schema);
    grant.setTables(tables);
    grant.setPrivileges(List.of(privileges));
    return grant;
  }

  static GrantSet postgres(PostgresGrant... grants) {
    DatabaseGrantSpec spec = new DatabaseGrantSpec();
    PostgresGrantSpec pg = new PostgresGrantSpec();
    pg.setRoles(List.of("readers"));
    pg.setGrants(List.of(grants));
    spec.setPostgres(pg);
    return GrantRequests.forGrant(spec, Engine.postgres);
  }

  @Test
  void aDatabaseOnlyEntryGrantsOnTheDatabase() {
    GrantSet set = postgres(pg("shop", null, null, "CONNECT"));

    assertThat(set.memberships()).containsExactly("readers");
    assertThat(set.privileges())
        .containsExactly(Privilege.on(GrantTarget.database("shop"), "CONNECT"));
  }

  @Test
  void aSchemaEntrySplitsSchemaPrivilegesFromPrivilegesOnEveryTable() {
    GrantSet set = postgres(pg("shop", "app", null, "USAGE", "SELECT"));

    assertThat(set.privileges())
        .containsExactlyInAnyOrder(
            Privilege.on(GrantTarget.schema("shop", "app"), "USAGE"),
            Privilege.on(GrantTarget.of(Level.TABLE, "shop", "app", GrantTarget.EVERY), "SELECT"));
  }

  @Test
  void objectPrivilegesComeWithUsageOnTheirSchemaWhichDefaultsToPublic() {
    GrantSet set = postgres(pg("shop", null, List.of("orders"), "SELECT"));

    assertThat(set.privileges())
        .containsExactlyInAnyOrder(
            Privilege.on(GrantTarget.of(Level.TABLE, "shop", "public", "orders"), "SELECT"),
            Privilege.on(GrantTarget.schema("shop", "public"), "USAGE"));
  }

  @Test
  void keepsTheGrantOptionAndDefaultPrivileges() {
    PostgresGrant grant = pg("shop", "app", List.of("orders"), "SELECT");
    grant.setWithGrantOption(true);
    PostgresDefaultPrivilege future = new PostgresDefaultPrivilege();
    future.setDatabase("shop");
    future.setSchema("app");
    future.setGrantedBy("owner");
    future.setObjectType(PostgresObjectType.tables);
    future.setPrivileges(List.of("SELECT", "INSERT"));
    DatabaseGrantSpec spec = new DatabaseGrantSpec();
    PostgresGrantSpec pg = new PostgresGrantSpec();
    pg.setGrants(List.of(grant));
    pg.setDefaultPrivileges(List.of(future));
    spec.setPostgres(pg);

    GrantSet set = GrantRequests.forGrant(spec, Engine.postgres);

    assertThat(set.privileges())
        .contains(
            new Privilege(GrantTarget.of(Level.TABLE, "shop", "app", "orders"), "SELECT", true));
    assertThat(set.defaultPrivileges())
        .containsExactlyInAnyOrder(
            new DefaultPrivilege("shop", "app", "owner", "tables", "SELECT"),
            new DefaultPrivilege("shop", "app", "owner", "tables", "INSERT"));
  }

  @Test
  void mapsEveryMySqlLevelOntoItsTargetAndReadsOnlyTheEnginesBlock() {
    MySqlGrant columns = new MySqlGrant();
    columns.setLevel(MySqlGrantLevel.column);
    columns.setDatabase("shop");
    columns.setTable("customers");
    columns.setColumns(List.of("id", "email"));
    columns.setPrivileges(List.of("SELECT"));
    MySqlGrant procedure = new MySqlGrant();
    procedure.setLevel(MySqlGrantLevel.procedure);
    procedure.setDatabase("shop");
    procedure.setProcedure("place_order");
    procedure.setPrivileges(List.of("EXECUTE"));
    MySqlGrant global = new MySqlGrant();
    global.setLevel(MySqlGrantLevel.global);
    global.setPrivileges(List.of("PROCESS"));
    DatabaseGrantSpec spec = new DatabaseGrantSpec();
    MySqlGrantSpec my = new MySqlGrantSpec();
    my.setRoles(List.of("writers"));
    my.setGrants(List.of(columns, procedure, global));
    spec.setMysql(my);
    spec.setPostgres(new PostgresGrantSpec());

    GrantSet set = GrantRequests.forGrant(spec, Engine.mariadb);

    assertThat(set.memberships()).containsExactly("writers");
    assertThat(set.privileges())
        .containsExactlyInAnyOrder(
            Privilege.on(GrantTarget.column("shop", "customers", "id"), "SELECT"),
            Privilege.on(GrantTarget.column("shop", "customers", "email"), "SELECT"),
            Privilege.on(GrantTarget.of(Level.PROCEDURE, "shop", null, "place_order"), "EXECUTE"),
            Privilege.on(GrantTarget.global(), "PROCESS"));
    assertThat(GrantRequests.forGrant(spec, Engine.postgres).isEmpty()).isTrue();
  }
}
