package io.dbprovision.operator.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Object keys: {@code [<prefix>/]<namespace>/<database>/<yyyyMMdd'T'HHmmss'Z'>-<backup>.<ext>},
 * e.g. {@code prod/shop/orders/20261125T023000Z-orders-nightly.dump.gz.enc}. Keys of one database
 * sort by time, and retention can list them by the database's prefix.
 */
public final class ObjectNaming {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private ObjectNaming() {}

  /** The key prefix of every backup of one database. */
  public static String databasePrefix(String prefix, String namespace, String database) {
    String base = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
    return (base.isEmpty() ? "" : base + "/") + namespace + "/" + database + "/";
  }

  /** The key of one backup. */
  public static String backupKey(
      String prefix,
      String namespace,
      String database,
      Instant takenAt,
      String backupName,
      String format,
      Compression compression,
      boolean encrypted) {
    return databasePrefix(prefix, namespace, database)
        + STAMP.format(takenAt)
        + "-"
        + backupName
        + "."
        + extension(format)
        + compression.extension()
        + (encrypted ? ".enc" : "");
  }

  private static String extension(String format) {
    return switch (format) {
      case "custom" -> "dump";
      case "tar" -> "tar";
      default -> "sql";
    };
  }
}
