package io.dbprovision.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a'b",
        "a\"b",
        "a`b",
        "x; DROP DATABASE postgres",
        "a--b",
        "a/*",
        "\u0430dmin",
        "a\u200bb",
        "1abc",
        "a234567890123456789012345678901234567890123456789012345678901234"
      })
  void refusesAnythingButPlainIdentifiersForPrincipalsAndDatabases(String name) {
    assertThatThrownBy(() -> Identifiers.requirePlain("create role", "role name", name))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith("create role: role name")
        .hasMessageContaining("is not a plain identifier");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "line\nbreak", "tab\there", ""})
  void refusesEmptyNamesAndControlCharactersEvenWhereQuotingWouldDo(String name) {
    assertThatThrownBy(() -> Identifiers.requireQuotable("op", "schema", name, 63))
        .isInstanceOf(InvalidSpecException.class);
  }

  @Test
  void measuresQuotableNamesInBytesBecauseThatIsWhatPostgresTruncates() throws Exception {
    String twentyTwoCyrillic = "\u0436".repeat(22); // 44 bytes
    assertThat(Identifiers.requireQuotable("op", "schema", twentyTwoCyrillic, 63))
        .isEqualTo(twentyTwoCyrillic);
    assertThatThrownBy(() -> Identifiers.requireQuotable("op", "schema", "\u0436".repeat(32), 63))
        .hasMessageContaining("longer than 63 bytes");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"%", "localhost", "10.0.%", "10.0.0.0/255.255.255.0", "::1", "db-1.example"})
  void acceptsHostPatterns(String host) throws Exception {
    assertThat(Identifiers.requireHost("op", host)).isEqualTo(host);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a'b", "host@evil", "a b", "x`y", "h\\"})
  void refusesHostsWithQuotingCharacters(String host) {
    assertThatThrownBy(() -> Identifiers.requireHost("op", host))
        .isInstanceOf(InvalidSpecException.class);
  }

  @Test
  void displaysNamesWithInvisibleCharactersEscaped() {
    assertThat(Identifiers.display("a\u0000b\u200bc")).isEqualTo("'a\\u0000b\\u200bc'");
  }
}
