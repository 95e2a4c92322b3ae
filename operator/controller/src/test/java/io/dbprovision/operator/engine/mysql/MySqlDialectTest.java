package io.dbprovision.operator.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.operator.engine.InvalidSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MySqlDialectTest {
  final MySqlDialect dialect = new MySqlDialect(true);

  @Test
  void quotesIdentifiersInBackticksDoublingEmbeddedOnes() {
    assertThat(MySqlDialect.quoteIdentifier("orders")).isEqualTo("`orders`");
    assertThat(MySqlDialect.quoteIdentifier("a`b")).isEqualTo("`a``b`");
    assertThat(MySqlDialect.quoteIdentifier("`; DROP DATABASE mysql; --"))
        .isEqualTo("```; DROP DATABASE mysql; --`");
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "it's", "back\\slash", "\\'; DROP USER root; --", "''"})
  void writesLiteralsThatCannotEndEarlyWhateverTheBackslashMode(String value) {
    for (MySqlDialect mode : new MySqlDialect[] {new MySqlDialect(true), new MySqlDialect(false)}) {
      String literal = mode.quoteLiteral(value);
      String body = literal.substring(1, literal.length() - 1);
      assertThat(literal).startsWith("'").endsWith("'");
      assertThat(body.replace("''", "")).doesNotContain("'");
    }
    assertThat(new MySqlDialect(true).quoteLiteral("a\\'b")).isEqualTo("'a\\\\''b'");
    assertThat(new MySqlDialect(false).quoteLiteral("a\\'b")).isEqualTo("'a\\''b'");
  }

  @Test
  void writesAccountsAsTwoLiteralsAfterValidatingBothParts() throws Exception {
    assertThat(dialect.account("op", "app", "10.0.%")).isEqualTo("'app'@'10.0.%'");
    assertThatThrownBy(() -> dialect.account("op", "app'", "%"))
        .isInstanceOf(InvalidSpecException.class);
    assertThatThrownBy(() -> dialect.account("op", "app", "%'@'evil"))
        .isInstanceOf(InvalidSpecException.class);
  }

  @Test
  void refusesNamesLongerThanMySqlAccepts() {
    assertThatThrownBy(() -> dialect.object("op", "table", "t".repeat(65)))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("longer than 64 characters");
  }
}
