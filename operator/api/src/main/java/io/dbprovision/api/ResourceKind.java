package io.dbprovision.api;

import java.util.Arrays;
import java.util.Optional;

/** The eight custom resource kinds of group {@value #GROUP}, with their plural and short names. */
public enum ResourceKind {
  DATABASE_INSTANCE("DatabaseInstance", "databaseinstances", "dbi"),
  DATABASE("Database", "databases", "db"),
  DATABASE_USER("DatabaseUser", "databaseusers", "dbu"),
  DATABASE_ROLE("DatabaseRole", "databaseroles", "dbr"),
  DATABASE_GRANT("DatabaseGrant", "databasegrants", "dbg"),
  DATABASE_BACKUP("DatabaseBackup", "databasebackups", "dbbak"),
  DATABASE_RESTORE("DatabaseRestore", "databaserestores", "dbrestore"),
  DATABASE_BACKUP_SCHEDULE("DatabaseBackupSchedule", "databasebackupschedules", "dbbaksched");

  public static final String GROUP = "dbops.dbprovision.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  private final String kind;
  private final String plural;
  private final String shortName;

  ResourceKind(String kind, String plural, String shortName) {
    this.kind = kind;
    this.plural = plural;
    this.shortName = shortName;
  }

  /** The Kubernetes kind, as it appears in {@code involvedObject.kind}. */
  public String kind() {
    return kind;
  }

  public String plural() {
    return plural;
  }

  public String shortName() {
    return shortName;
  }

  /** The CRD name, {@code <plural>.<group>}. */
  public String crdName() {
    return plural + "." + GROUP;
  }

  public static Optional<ResourceKind> fromKind(String kind) {
    return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
  }
}
