package io.dbprovision.operator.engine.postgres;

import io.dbprovision.operator.engine.Identifiers;
import io.dbprovision.operator.engine.InvalidSpecException;
import io.dbprovision.operator.model.Password;

/**
 * PostgreSQL quoting. Identifiers go in double quotes with embedded double quotes doubled, which
 * makes any name (after {@link Identifiers} has refused control characters and over-long names) a
 * single identifier. Literals use the {@code E'...'} form with quotes and backslashes doubled, so
 * they mean the same whatever {@code standard_conforming_strings} says.
 */
public final class PostgresDialect {
  /** NAMEDATALEN - 1: PostgreSQL truncates longer names silently, so they are refused instead. */
  public static final int MAX_NAME_BYTES = 63;

  private PostgresDialect() {}

  public static String quoteIdentifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  public static String quoteLiteral(String value) {
    StringBuilder out = new StringBuilder(value.length() + 4).append("E'");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'') {
        out.append("''");
      } else if (c == '\\') {
        out.append("\\\\");
      } else {
        out.append(c);
      }
    }
    return out.append('\'').toString();
  }

  /** A database, role or owner name: validated as a plain identifier, then quoted. */
  static String name(String operation, String what, String name) throws InvalidSpecException {
    return quoteIdentifier(Identifiers.requirePlain(operation, what, name));
  }

  /** Any other object name (schema, table, extension, ...): validated, then quoted. */
  static String object(String operation, String what, String name) throws InvalidSpecException {
    return quoteIdentifier(Identifiers.requireQuotable(operation, what, name, MAX_NAME_BYTES));
  }

  /** A value such as a locale, a version or a setting, quoted as a literal. */
  static String value(String operation, String what, String value) throws InvalidSpecException {
    Identifiers.requireQuotable(operation, what, value, 1024);
    return quoteLiteral(value);
  }

  /**
   * A password as a literal. Used only where the driver's client-side SCRAM hashing is not
   * available; the statement carrying it must pass the password to the session for masking.
   */
  static String passwordLiteral(String operation, Password password) throws InvalidSpecException {
    if (password.reveal().indexOf('\0') >= 0) {
      throw new InvalidSpecException(operation, "a password must not contain a NUL character");
    }
    return quoteLiteral(password.reveal());
  }
}
