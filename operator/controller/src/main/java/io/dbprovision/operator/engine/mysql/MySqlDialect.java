package io.dbprovision.operator.engine.mysql;

import io.dbprovision.operator.engine.Identifiers;
import io.dbprovision.operator.engine.InvalidSpecException;
import io.dbprovision.operator.model.Password;

/**
 * MySQL/MariaDB quoting. Identifiers go in backticks with embedded backticks doubled. Literals go
 * in single quotes with quotes doubled and, unless the session runs with {@code
 * NO_BACKSLASH_ESCAPES}, backslashes doubled too, so a literal always means exactly its text.
 * Accounts are written as two literals, {@code 'user'@'host'}.
 */
public final class MySqlDialect {
  /** Longest database, table, column and routine name MySQL and MariaDB accept. */
  public static final int MAX_NAME_CHARS = 64;

  private final boolean backslashEscapes;

  public MySqlDialect(boolean backslashEscapes) {
    this.backslashEscapes = backslashEscapes;
  }

  public static String quoteIdentifier(String name) {
    return '`' + name.replace("`", "``") + '`';
  }

  public String quoteLiteral(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'') {
        out.append("''");
      } else if (c == '\\' && backslashEscapes) {
        out.append("\\\\");
      } else {
        out.append(c);
      }
    }
    return out.append('\'').toString();
  }

  /** A database, user or role name: validated as a plain identifier, then quoted. */
  String name(String operation, String what, String name) throws InvalidSpecException {
    return quoteIdentifier(Identifiers.requirePlain(operation, what, name));
  }

  /** A table, column or routine name: validated, then quoted. */
  String object(String operation, String what, String name) throws InvalidSpecException {
    if (name != null && name.codePointCount(0, name.length()) > MAX_NAME_CHARS) {
      throw new InvalidSpecException(
          operation,
          what
              + " "
              + Identifiers.display(name)
              + " is longer than "
              + MAX_NAME_CHARS
              + " characters");
    }
    return quoteIdentifier(Identifiers.requireQuotable(operation, what, name, 4 * MAX_NAME_CHARS));
  }

  /** {@code 'user'@'host'} for an account whose name and host were validated. */
  String account(String operation, String user, String host) throws InvalidSpecException {
    return quoteLiteral(Identifiers.requirePlain(operation, "user name", user))
        + "@"
        + quoteLiteral(Identifiers.requireHost(operation, host));
  }

  /** A password as a literal; the statement carrying it must hand the password over for masking. */
  String passwordLiteral(String operation, Password password) throws InvalidSpecException {
    if (password.reveal().indexOf('\0') >= 0) {
      throw new InvalidSpecException(operation, "a password must not contain a NUL character");
    }
    return quoteLiteral(password.reveal());
  }
}
