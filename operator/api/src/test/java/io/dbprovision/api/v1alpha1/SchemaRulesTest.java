package io.dbprovision.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.ResourceKind;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules the API server enforces before the operator ever sees a resource. */
class SchemaRulesTest {

  static JSONSchemaProps field(ResourceKind kind, String path) throws Exception {
    JSONSchemaProps props = CrdSchema.generated(kind).at(path);
    assertThat(props).as(kind.kind() + " " + path).isNotNull();
    return props;
  }

  static boolean admitted(JSONSchemaProps props, String value) {
    boolean length =
        (props.getMinLength() == null || value.length() >= props.getMinLength())
            && (props.getMaxLength() == null || value.length() <= props.getMaxLength());
    return length && Pattern.compile(props.getPattern()).matcher(value).find();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "robert'; DROP TABLE students; --",
        "a\"b",
        "a`b",
        "a;b",
        "a--b",
        "a/*b*/",
        "a b",
        "1starts_with_digit",
        "has-dash",
        "caf\u00e9",
        "\u0430dmin", // Cyrillic a
        "x\u200bz", // zero-width space
        "a\nb",
        "a\u0000b",
        "a234567890123456789012345678901234567890123456789012345678901234"
      })
  void rejectsHostileIdentifiersForEveryServerName(String name) throws Exception {
    assertThat(admitted(field(ResourceKind.DATABASE, "spec.name"), name)).isFalse();
    assertThat(admitted(field(ResourceKind.DATABASE, "spec.owner"), name)).isFalse();
    assertThat(admitted(field(ResourceKind.DATABASE_USER, "spec.username"), name)).isFalse();
    assertThat(admitted(field(ResourceKind.DATABASE_ROLE, "spec.roleName"), name)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "_",
        "orders",
        "Orders_2024",
        "a23456789012345678901234567890123456789012345678901234567890123"
      })
  void admitsPlainIdentifiersUpTo63Characters(String name) throws Exception {
    assertThat(admitted(field(ResourceKind.DATABASE, "spec.name"), name)).isTrue();
    assertThat(admitted(field(ResourceKind.DATABASE_USER, "spec.username"), name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT; DROP TABLE x",
        "select",
        "SELECT'",
        "SELECT --",
        "SEL\u0415CT",
        "ALL PRIVILEGES ON *.*",
        "",
        " SELECT"
      })
  void rejectsHostilePrivilegeNamesInEveryGrantList(String privilege) throws Exception {
    assertThat(
            admitted(
                field(ResourceKind.DATABASE_GRANT, "spec.postgres.grants[].privileges[]"),
                privilege))
        .isFalse();
    assertThat(
            admitted(
                field(ResourceKind.DATABASE_GRANT, "spec.mysql.grants[].privileges[]"), privilege))
        .isFalse();
    assertThat(
            admitted(
                field(
                    ResourceKind.DATABASE_GRANT, "spec.postgres.defaultPrivileges[].privileges[]"),
                privilege))
        .isFalse();
    assertThat(
            admitted(
                field(ResourceKind.DATABASE_ROLE, "spec.postgres.grants[].privileges[]"),
                privilege))
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT", "ALL PRIVILEGES", "CREATE TEMPORARY TABLES"})
  void admitsPrivilegeKeywords(String privilege) throws Exception {
    assertThat(
            admitted(
                field(ResourceKind.DATABASE_GRANT, "spec.mysql.grants[].privileges[]"), privilege))
        .isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "DATABASE_INSTANCE, spec.engine, engine is immutable",
    "DATABASE, spec.name, database name is immutable",
    "DATABASE, spec.instanceRef, instanceRef is immutable",
    "DATABASE, spec.postgres.encoding, encoding is immutable",
    "DATABASE_USER, spec.username, username is immutable",
    "DATABASE_ROLE, spec.roleName, roleName is immutable"
  })
  void makesIdentityFieldsImmutable(ResourceKind kind, String path, String message)
      throws Exception {
    assertThat(field(kind, path).getXKubernetesValidations())
        .extracting(ValidationRule::getRule, ValidationRule::getMessage)
        .contains(org.assertj.core.groups.Tuple.tuple("self == oldSelf", message));
  }

  @ParameterizedTest
  @CsvSource({"DATABASE_GRANT, spec", "DATABASE_ROLE, spec.mysql.grants[]"})
  void declaresCrossFieldRulesAsCel(ResourceKind kind, String path) throws Exception {
    assertThat(field(kind, path).getXKubernetesValidations()).isNotEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DATABASE_INSTANCE | Engine=.spec.engine, Host=.spec.connection.host, Port=.spec.connection.port, Phase=.status.phase, Version=.status.version, Age=.metadata.creationTimestamp",
        "DATABASE | Instance=.spec.instanceRef.name, Database=.spec.name, Phase=.status.phase, Size=.status.database.sizeBytes, Age=.metadata.creationTimestamp",
        "DATABASE_USER | Instance=.spec.instanceRef.name, Username=.spec.username, Phase=.status.phase, Secret=.status.secret.name, Age=.metadata.creationTimestamp",
        "DATABASE_ROLE | Instance=.spec.instanceRef.name, Role=.spec.roleName, Phase=.status.phase, Age=.metadata.creationTimestamp",
        "DATABASE_GRANT | User=.spec.userRef.name, Database=.spec.databaseRef.name, Phase=.status.phase, Age=.metadata.creationTimestamp"
      })
  // The fabric8 generator orders the Age column first whatever the declaration order.
  void showsTheGoOperatorsPrinterColumns(ResourceKind kind, String columns) throws Exception {
    CustomResourceDefinitionVersion version =
        GeneratedCrdsTest.load(kind).getSpec().getVersions().get(0);
    assertThat(version.getAdditionalPrinterColumns())
        .extracting(c -> c.getName() + "=" + c.getJsonPath())
        .containsExactlyInAnyOrderElementsOf(List.of(columns.split(",\\s*")));
  }
}
