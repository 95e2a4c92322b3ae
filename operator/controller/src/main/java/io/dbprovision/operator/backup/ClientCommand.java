package io.dbprovision.operator.backup;

import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.api.v1alpha1.MySqlBackupOptions;
import io.dbprovision.api.v1alpha1.PostgresBackupOptions;
import io.dbprovision.api.v1alpha1.PostgresDumpFormat;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A database client invocation: pg_dump, pg_restore, psql, mariadb-dump/mysqldump or mariadb/mysql.
 * The password goes into {@link #environment()}, never into {@link #arguments()}, which are safe to
 * log.
 *
 * @param arguments the program and its arguments
 * @param environment variables to add to the process environment (holds the password)
 * @param format the dump format: custom, plain or tar for PostgreSQL, sql for MySQL/MariaDB
 */
public record ClientCommand(
    List<String> arguments, Map<String, String> environment, String format) {
  public ClientCommand {
    arguments = List.copyOf(arguments);
    environment = Map.copyOf(environment);
  }

  /**
   * The dump of {@code source}.
   *
   * @param uncompressed whether pg_dump should leave its own compression off because the pipeline
   *     compresses
   */
  public static ClientCommand dump(
      DatabaseAddress source,
      PostgresBackupOptions postgres,
      MySqlBackupOptions mysql,
      boolean uncompressed) {
    return source.engine() == Engine.postgres
        ? pgDump(source, postgres == null ? new PostgresBackupOptions() : postgres, uncompressed)
        : mysqlDump(source, mysql == null ? new MySqlBackupOptions() : mysql);
  }

  /** The format {@link #dump} writes for an engine and options: custom, plain, tar or sql. */
  public static String dumpFormat(Engine engine, PostgresBackupOptions postgres) {
    if (engine != Engine.postgres) {
      return "sql";
    }
    return postgres == null || postgres.getFormat() == null
        ? PostgresDumpFormat.custom.name()
        : postgres.getFormat().name();
  }

  /** The client that loads a dump of {@code format} into {@code target}. */
  public static ClientCommand restore(DatabaseAddress target, String format) {
    return restore(target, format, false);
  }

  /**
   * The client that loads a dump of {@code format} into {@code target}; with {@code
   * replaceExisting}, pg_restore drops the dump's objects before it creates them (in the same
   * transaction). Plain PostgreSQL dumps and MySQL/MariaDB dumps carry their own DROP statements
   * when they were taken with them ({@code DROP TABLE IF EXISTS} is the dump client's default).
   */
  public static ClientCommand restore(
      DatabaseAddress target, String format, boolean replaceExisting) {
    if (target.engine() != Engine.postgres) {
      List<String> args = new ArrayList<>();
      args.add(binary(target.engine() == Engine.mariadb, "mariadb", "mysql"));
      args.addAll(mysqlLogin(target));
      args.add("--batch");
      args.add("--database=" + target.database());
      return new ClientCommand(args, Map.of("MYSQL_PWD", password(target)), "sql");
    }
    List<String> args = new ArrayList<>();
    if (PostgresDumpFormat.plain.name().equals(format)) {
      args.add("psql");
      args.addAll(pgLogin(target));
      args.addAll(
          List.of("--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--single-transaction"));
    } else {
      args.add("pg_restore");
      args.addAll(pgLogin(target));
      args.addAll(List.of("--single-transaction", "--exit-on-error", "--no-owner"));
      if (replaceExisting) {
        args.addAll(List.of("--clean", "--if-exists"));
      }
    }
    return new ClientCommand(args, Map.of("PGPASSWORD", password(target)), format);
  }

  private static ClientCommand pgDump(
      DatabaseAddress source, PostgresBackupOptions options, boolean uncompressed) {
    PostgresDumpFormat format =
        options.getFormat() == null ? PostgresDumpFormat.custom : options.getFormat();
    List<String> args = new ArrayList<>();
    args.add("pg_dump");
    args.addAll(pgLogin(source));
    args.add(
        switch (format) {
          case custom -> "--format=custom";
          case plain -> "--format=plain";
          case tar -> "--format=tar";
        });
    if (uncompressed && format == PostgresDumpFormat.custom) {
      args.add("--compress=0");
    }
    flag(args, options.getDataOnly(), "--data-only");
    flag(args, options.getSchemaOnly(), "--schema-only");
    flag(args, options.getNoOwner(), "--no-owner");
    flag(args, options.getNoPrivileges(), "--no-privileges");
    each(args, options.getSchemas(), "--schema=");
    each(args, options.getExcludeSchemas(), "--exclude-schema=");
    each(args, options.getTables(), "--table=");
    each(args, options.getExcludeTables(), "--exclude-table=");
    return new ClientCommand(args, Map.of("PGPASSWORD", password(source)), format.name());
  }

  private static ClientCommand mysqlDump(DatabaseAddress source, MySqlBackupOptions options) {
    List<String> args = new ArrayList<>();
    args.add(binary(source.engine() == Engine.mariadb, "mariadb-dump", "mysqldump"));
    args.addAll(mysqlLogin(source));
    flag(args, options.getSingleTransaction(), "--single-transaction");
    flag(args, options.getQuick(), "--quick");
    flag(args, options.getRoutines(), "--routines");
    args.add(Boolean.FALSE.equals(options.getTriggers()) ? "--skip-triggers" : "--triggers");
    flag(args, options.getEvents(), "--events");
    args.add(source.database());
    return new ClientCommand(args, Map.of("MYSQL_PWD", password(source)), "sql");
  }

  private static List<String> pgLogin(DatabaseAddress address) {
    return List.of(
        "--host=" + address.host(),
        "--port=" + address.port(),
        "--username=" + address.username(),
        "--no-password",
        "--dbname=" + address.database());
  }

  private static List<String> mysqlLogin(DatabaseAddress address) {
    return List.of(
        "--host=" + address.host(),
        "--port=" + address.port(),
        "--user=" + address.username(),
        "--protocol=TCP");
  }

  private static String password(DatabaseAddress address) {
    return address.password() == null ? "" : address.password();
  }

  private static void flag(List<String> args, Boolean value, String flag) {
    if (Boolean.TRUE.equals(value)) {
      args.add(flag);
    }
  }

  private static void each(List<String> args, List<String> values, String prefix) {
    if (values != null) {
      values.forEach(v -> args.add(prefix + v));
    }
  }

  /** The MariaDB client name when talking to MariaDB and it is installed, else the MySQL one. */
  private static String binary(boolean preferMariadb, String mariadbName, String mysqlName) {
    String first = preferMariadb ? mariadbName : mysqlName;
    String second = preferMariadb ? mysqlName : mariadbName;
    return onPath(first) || !onPath(second) ? first : second;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** A process builder for this command; the caller sets up redirects. */
  public ProcessBuilder processBuilder() {
    ProcessBuilder builder = new ProcessBuilder(arguments);
    builder.environment().putAll(environment);
    return builder;
  }

  @Override
  public String toString() {
    return String.join(" ", arguments);
  }
}
