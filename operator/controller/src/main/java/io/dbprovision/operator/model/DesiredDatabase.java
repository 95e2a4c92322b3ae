package io.dbprovision.operator.model;

import io.dbprovision.api.v1alpha1.DatabaseSpec;
import io.dbprovision.api.v1alpha1.MySqlDatabaseSpec;
import io.dbprovision.api.v1alpha1.PostgresDatabaseSpec;
import java.util.List;
import java.util.Optional;

/**
 * A logical database as a resource wants it. Engine-specific options sit in their own records; each
 * engine reads only its own and ignores the other.
 */
public record DesiredDatabase(
    String name, Optional<String> owner, PostgresOptions postgres, MySqlOptions mysql) {

  public DesiredDatabase {
    postgres = postgres == null ? PostgresOptions.DEFAULTS : postgres;
    mysql = mysql == null ? MySqlOptions.DEFAULTS : mysql;
    owner = owner == null ? Optional.empty() : owner;
  }

  public static DesiredDatabase named(String name) {
    return new DesiredDatabase(name, Optional.empty(), null, null);
  }

  /** The desired state a Database spec describes; absent blocks mean the schema's defaults. */
  public static DesiredDatabase from(DatabaseSpec spec) {
    PostgresOptions postgres = PostgresOptions.DEFAULTS;
    PostgresDatabaseSpec pg = spec.getPostgres();
    if (pg != null) {
      PostgresOptions d = PostgresOptions.DEFAULTS;
      postgres =
          new PostgresOptions(
              orDefault(pg.getEncoding(), d.encoding()),
              Optional.ofNullable(pg.getLcCollate()),
              Optional.ofNullable(pg.getLcCtype()),
              orDefault(pg.getTablespace(), d.tablespace()),
              orDefault(pg.getTemplate(), d.template()),
              pg.getConnectionLimit() == null ? d.connectionLimit() : pg.getConnectionLimit(),
              Boolean.TRUE.equals(pg.getIsTemplate()),
              pg.getExtensions() == null
                  ? List.of()
                  : pg.getExtensions().stream()
                      .map(
                          e ->
                              new Extension(
                                  e.getName(), e.getSchema(), Optional.ofNullable(e.getVersion())))
                      .toList(),
              pg.getSchemas() == null
                  ? List.of()
                  : pg.getSchemas().stream()
                      .map(s -> new Schema(s.getName(), Optional.ofNullable(s.getOwner())))
                      .toList());
    }
    MySqlOptions mysql = MySqlOptions.DEFAULTS;
    MySqlDatabaseSpec my = spec.getMysql();
    if (my != null) {
      mysql =
          new MySqlOptions(
              orDefault(my.getCharset(), mysql.charset()),
              orDefault(my.getCollation(), mysql.collation()));
    }
    return new DesiredDatabase(
        spec.getName(), Optional.ofNullable(spec.getOwner()), postgres, mysql);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }

  public DesiredDatabase withOwner(String owner) {
    return new DesiredDatabase(name, Optional.ofNullable(owner), postgres, mysql);
  }

  public DesiredDatabase withPostgres(PostgresOptions postgres) {
    return new DesiredDatabase(name, owner, postgres, mysql);
  }

  public DesiredDatabase withMySql(MySqlOptions mysql) {
    return new DesiredDatabase(name, owner, postgres, mysql);
  }

  /**
   * PostgreSQL options. Encoding, locales and template take effect at creation only; a later
   * difference in encoding or locale is reported as immutable drift.
   */
  public record PostgresOptions(
      String encoding,
      Optional<String> lcCollate,
      Optional<String> lcCtype,
      String tablespace,
      String template,
      int connectionLimit,
      boolean isTemplate,
      List<Extension> extensions,
      List<Schema> schemas) {
    public static final PostgresOptions DEFAULTS =
        new PostgresOptions(
            "UTF8",
            Optional.empty(),
            Optional.empty(),
            "pg_default",
            "template0",
            -1,
            false,
            List.of(),
            List.of());

    public PostgresOptions {
      lcCollate = lcCollate == null ? Optional.empty() : lcCollate;
      lcCtype = lcCtype == null ? Optional.empty() : lcCtype;
      extensions = List.copyOf(extensions);
      schemas = List.copyOf(schemas);
    }

    public PostgresOptions withConnectionLimit(int limit) {
      return new PostgresOptions(
          encoding,
          lcCollate,
          lcCtype,
          tablespace,
          template,
          limit,
          isTemplate,
          extensions,
          schemas);
    }

    public PostgresOptions withExtensions(List<Extension> extensions) {
      return new PostgresOptions(
          encoding,
          lcCollate,
          lcCtype,
          tablespace,
          template,
          connectionLimit,
          isTemplate,
          extensions,
          schemas);
    }

    public PostgresOptions withSchemas(List<Schema> schemas) {
      return new PostgresOptions(
          encoding,
          lcCollate,
          lcCtype,
          tablespace,
          template,
          connectionLimit,
          isTemplate,
          extensions,
          schemas);
    }
  }

  /** An extension to install; an empty version means the server's default version. */
  public record Extension(String name, String schema, Optional<String> version) {
    public Extension {
      schema = schema == null || schema.isEmpty() ? "public" : schema;
      version = version == null ? Optional.empty() : version;
    }

    public static Extension named(String name) {
      return new Extension(name, "public", Optional.empty());
    }
  }

  /** A schema to create; without an owner it belongs to the database owner. */
  public record Schema(String name, Optional<String> owner) {
    public Schema {
      owner = owner == null ? Optional.empty() : owner;
    }

    public static Schema named(String name) {
      return new Schema(name, Optional.empty());
    }
  }

  /** MySQL/MariaDB default character set and collation. */
  public record MySqlOptions(String charset, String collation) {
    public static final MySqlOptions DEFAULTS = new MySqlOptions("utf8mb4", "utf8mb4_unicode_ci");
  }
}
