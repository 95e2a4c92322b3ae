package io.dbprovision.operator.engine;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Checks every name before a dialect quotes it, so that a bad name fails with a clear {@link
 * InvalidSpecException} instead of reaching the server.
 *
 * <p>Two classes of names: server principals and databases (database, user, role and owner names)
 * must be plain identifiers, the same rule as the CRD schema ({@link
 * io.dbprovision.api.v1alpha1.Identifiers#PATTERN}), checked again here because engines are also
 * called from code that did not come through the API server. Other names (schemas, tables, columns,
 * extensions, functions, configuration parameters) may be anything the server accepts once quoted,
 * except empty, too long, or containing control characters (NUL above all, which drivers and
 * servers treat inconsistently). MySQL host patterns are restricted to the characters host names,
 * addresses, netmasks and wildcards use.
 */
public final class Identifiers {
  private static final Pattern PLAIN =
      Pattern.compile(io.dbprovision.api.v1alpha1.Identifiers.PATTERN);
  private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9._%:/\\-]{1,255}$");

  private Identifiers() {}

  /** A database, user, role or owner name: letters, digits, underscores, at most 63. */
  public static String requirePlain(String operation, String what, String name)
      throws InvalidSpecException {
    if (name == null || !PLAIN.matcher(name).matches()) {
      throw new InvalidSpecException(
          operation,
          what
              + " "
              + display(name)
              + " is not a plain identifier (a letter or underscore, then letters, digits or"
              + " underscores, at most 63 characters)");
    }
    return name;
  }

  /**
   * Any other object name: non-empty, at most {@code maxBytes} UTF-8 bytes, no control characters.
   */
  public static String requireQuotable(String operation, String what, String name, int maxBytes)
      throws InvalidSpecException {
    if (name == null || name.isEmpty()) {
      throw new InvalidSpecException(operation, what + " must not be empty");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      throw new InvalidSpecException(
          operation, what + " " + display(name) + " is longer than " + maxBytes + " bytes");
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidSpecException(
          operation, what + " " + display(name) + " contains a control character");
    }
    return name;
  }

  /** A MySQL account host pattern such as {@code %}, {@code 10.0.%} or {@code db.example}. */
  public static String requireHost(String operation, String host) throws InvalidSpecException {
    if (host == null || !HOST.matcher(host).matches()) {
      throw new InvalidSpecException(
          operation,
          "host "
              + display(host)
              + " is not a host name, address, netmask or wildcard pattern (letters, digits and"
              + " . _ % : / - only)");
    }
    return host;
  }

  /** A name as it may appear in a message: quoted, with control characters escaped. */
  public static String display(String name) {
    if (name == null) {
      return "(none)";
    }
    StringBuilder out = new StringBuilder("'");
    name.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    int limit = 80;
    if (out.length() > limit) {
      out.setLength(limit);
      out.append("...");
    }
    return out.append("'").toString();
  }
}
