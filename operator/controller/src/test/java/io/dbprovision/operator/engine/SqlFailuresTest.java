package io.dbprovision.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.operator.model.Password;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlFailuresTest {

  @ParameterizedTest(name = "SQLSTATE {0} / code {1} -> {2}")
  @CsvSource({
    "08001, 0,    ConnectionFailedException",
    "08006, 0,    ConnectionFailedException",
    "57P01, 0,    ConnectionFailedException",
    "53300, 0,    ConnectionFailedException",
    "HY000, 1040, ConnectionFailedException",
    "42501, 0,    PermissionDeniedException",
    "28P01, 0,    PermissionDeniedException",
    "42000, 1044, PermissionDeniedException",
    "28000, 1045, PermissionDeniedException",
    "42000, 1142, PermissionDeniedException",
    "42601, 0,    InvalidSpecException",
    "22023, 0,    InvalidSpecException",
    "42704, 0,    InvalidSpecException",
    "55006, 0,    StatementFailedException",
    "2BP01, 0,    StatementFailedException",
    "40001, 0,    StatementFailedException"
  })
  void classifiesByStateAndVendorCode(String state, int code, String expected) {
    EngineException translated =
        SqlFailures.translate("do something", new SQLException("boom", state, code));

    assertThat(translated.getClass().getSimpleName()).isEqualTo(expected);
    assertThat(translated.isRetryable())
        .isEqualTo(
            expected.equals("ConnectionFailedException")
                || expected.equals("StatementFailedException"));
  }

  @Test
  void treatsRefusedConnectionsAndTimeoutsAsTransient() {
    SQLException refused = new SQLException("could not connect", null, 0);
    refused.initCause(new ConnectException("Connection refused"));

    assertThat(SqlFailures.translate("connect", refused))
        .isInstanceOf(ConnectionFailedException.class);
    assertThat(SqlFailures.translate("query", new SQLTimeoutException("timed out")))
        .isInstanceOf(ConnectionFailedException.class);
  }

  @Test
  void withholdsTheServerMessageOfAStatementThatCarriedAPassword() {
    Password password = Password.of("Sup3r'Secret!");
    SQLException original =
        new SQLException(
            "You have an error in your SQL syntax near 'IDENTIFIED BY 'Sup3r''Secret!'' and also"
                + " Sup3r'Secret!",
            "42000",
            1064);
    original.initCause(new RuntimeException("driver detail Sup3r'Secret!"));

    EngineException translated =
        SqlFailures.translate("set the password of 'app'", original, password);

    StringWriter trace = new StringWriter();
    translated.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain("Sup3r").doesNotContain("driver detail");
    assertThat(translated.getMessage())
        .isEqualTo(
            "set the password of 'app': the server refused the statement (SQLSTATE 42000, error"
                + " 1064); its message is withheld because the statement carried a password");
    assertThat(translated).isInstanceOf(InvalidSpecException.class);
  }

  @Test
  void judgesAPoolTimeoutByTheServersAnswerBehindIt() {
    SQLException refused = new SQLException("Access denied for user 'op'", "28000", 1045);
    SQLException poolTimeout =
        new java.sql.SQLTransientConnectionException("pool - Connection is not available", "08001");
    poolTimeout.initCause(refused);

    assertThat(SqlFailures.translate("connect", poolTimeout))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("Access denied");
  }

  @Test
  void keepsOnlyTheFirstLineOfAServerMessage() {
    EngineException translated =
        SqlFailures.translate(
            "drop role 'x'",
            new SQLException("role cannot be dropped\n  Detail: privileges for table t", "2BP01"));

    assertThat(translated.getMessage()).isEqualTo("drop role 'x': role cannot be dropped");
    assertThat(translated.sqlState()).contains("2BP01");
  }
}
