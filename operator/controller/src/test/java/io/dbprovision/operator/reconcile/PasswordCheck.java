package io.dbprovision.operator.reconcile;

import io.dbprovision.testkit.db.DatabaseServer;
import io.dbprovision.testkit.db.TestServer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Whether a server would accept a password for a login. MariaDB is asked by logging in. The test
 * PostgreSQL trusts every local connection (and server-wide settings are not ours to change), so
 * there the password is checked against the role's SCRAM-SHA-256 verifier in {@code pg_authid},
 * exactly as the server would check it (RFC 5802 StoredKey).
 */
final class PasswordCheck {
  private PasswordCheck() {}

  static boolean accepts(DatabaseServer server, String user, String password) throws SQLException {
    if (server.kind() == TestServer.MARIADB) {
      try (Connection login = server.open("", user, password)) {
        return login.isValid(5);
      } catch (SQLException e) {
        // Access denied (1045; SQLSTATE 28000): wrong password, or no such account any more.
        if (e instanceof SQLInvalidAuthorizationSpecException
            || e.getErrorCode() == 1045
            || "28000".equals(e.getSQLState())) {
          return false;
        }
        throw e;
      }
    }
    try (Connection admin = server.openAdmin();
        PreparedStatement s =
            admin.prepareStatement("SELECT rolpassword FROM pg_authid WHERE rolname = ?")) {
      s.setString(1, user);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next()
            && rows.getString(1) != null
            && scramMatches(rows.getString(1), password);
      }
    }
  }

  /** {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} against a password. */
  static boolean scramMatches(String verifier, String password) {
    String[] parts = verifier.split("\\$");
    if (parts.length != 3 || !parts[0].equals("SCRAM-SHA-256")) {
      throw new IllegalArgumentException("not a SCRAM-SHA-256 verifier");
    }
    String[] iterationsAndSalt = parts[1].split(":");
    String[] keys = parts[2].split(":");
    try {
      byte[] salted =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
              .generateSecret(
                  new PBEKeySpec(
                      password.toCharArray(),
                      Base64.getDecoder().decode(iterationsAndSalt[1]),
                      Integer.parseInt(iterationsAndSalt[0]),
                      256))
              .getEncoded();
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(salted, "HmacSHA256"));
      byte[] clientKey = hmac.doFinal("Client Key".getBytes(StandardCharsets.UTF_8));
      byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
      return MessageDigest.isEqual(storedKey, Base64.getDecoder().decode(keys[0]));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
