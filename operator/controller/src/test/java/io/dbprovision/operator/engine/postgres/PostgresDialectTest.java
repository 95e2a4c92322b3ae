package io.dbprovision.operator.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresDialectTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "orders | \"orders\"",
        "MyDb | \"MyDb\"",
        "a\"b | \"a\"\"b\"",
        "\"; DROP TABLE x; -- | \"\"\"; DROP TABLE x; --\"",
        "~~ | \"\""
      })
  void quotesIdentifiersInDoubleQuotesDoublingEmbeddedOnes(String name, String quoted) {
    assertThat(PostgresDialect.quoteIdentifier(name)).isEqualTo(quoted);
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "it's", "back\\slash", "'); DROP ROLE x; --", "\\'", "''"})
  void writesLiteralsThatCannotEndEarly(String value) {
    String literal = PostgresDialect.quoteLiteral(value);

    assertThat(literal).startsWith("E'").endsWith("'");
    String body = literal.substring(2, literal.length() - 1);
    // Inside, every quote is doubled and every backslash is doubled: the literal ends only at
    // its last character, and reading it back gives the value.
    assertThat(body.replace("''", "").replace("\\\\", "")).doesNotContain("'").doesNotContain("\\");
    assertThat(body.replace("''", "'").replace("\\\\", "\\")).isEqualTo(value);
  }
}
