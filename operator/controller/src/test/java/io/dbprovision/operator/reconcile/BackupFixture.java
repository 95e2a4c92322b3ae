package io.dbprovision.operator.reconcile;

import static org.awaitility.Awaitility.await;

import io.dbprovision.api.v1alpha1.BackupEncryptionSpec;
import io.dbprovision.api.v1alpha1.BackupStorageSpec;
import io.dbprovision.api.v1alpha1.BackupStorageType;
import io.dbprovision.api.v1alpha1.Database;
import io.dbprovision.api.v1alpha1.DatabaseBackup;
import io.dbprovision.api.v1alpha1.DatabaseBackupSpec;
import io.dbprovision.api.v1alpha1.DatabaseBackupStatus;
import io.dbprovision.api.v1alpha1.DatabaseRestore;
import io.dbprovision.api.v1alpha1.DatabaseRestoreSpec;
import io.dbprovision.api.v1alpha1.DatabaseRestoreStatus;
import io.dbprovision.api.v1alpha1.EncryptionKeySecretRef;
import io.dbprovision.api.v1alpha1.PvcStorageSpec;
import io.dbprovision.api.v1alpha1.ResourceRef;
import io.dbprovision.api.v1alpha1.RestoreConfirmation;
import io.dbprovision.api.v1alpha1.RestoreTargetSpec;
import io.dbprovision.api.v1alpha1.S3SecretRef;
import io.dbprovision.api.v1alpha1.S3StorageSpec;
import io.dbprovision.operator.backup.storage.InProcessS3;
import io.dbprovision.operator.backup.storage.S3Storage;
import io.dbprovision.testkit.db.Scratch;
import io.dbprovision.testkit.db.TestServer;
import io.dbprovision.testkit.kubernetes.MockKubernetes;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The operator on the mock API server with what backups need: a claim directory under the backup
 * volumes directory, an in-process S3 server with its credentials Secret, an encryption key Secret,
 * and helpers to declare backups and restores and to fill and read test tables.
 */
final class BackupFixture implements AutoCloseable {
  static final String CLAIM = "backups";
  static final String S3_SECRET = "s3-credentials";
  static final String KEY_SECRET = "backup-key";
  static final String KEY = "0123456789abcdef0123456789abcdef";
  static final int ROWS = 300;

  final OperatorOnMock operator;
  final Path volumes;
  private final Path blobs;
  private final InProcessS3 s3;

  BackupFixture(MockKubernetes kubernetes, String hint) throws Exception {
    volumes = Files.createTempDirectory("backup-volumes");
    Files.createDirectories(volumes.resolve(CLAIM));
    blobs = Files.createTempDirectory("backup-s3");
    s3 = InProcessS3.start(blobs);
    operator =
        new OperatorOnMock(
            kubernetes,
            hint,
            Map.of(
                "DBPROVISION_BACKUP_VOLUMES",
                volumes.toString(),
                "DBPROVISION_BACKUP_WORKERS",
                "2"));
    S3Storage.Settings settings = s3.settings("backups");
    secret(
        S3_SECRET,
        Map.of(
            "AWS_ACCESS_KEY_ID", settings.accessKeyId(),
            "AWS_SECRET_ACCESS_KEY", settings.secretAccessKey()));
    secret(KEY_SECRET, Map.of("key", KEY));
  }

  String namespace() {
    return operator.namespace;
  }

  Secret secret(String name, Map<String, String> data) {
    Secret secret =
        new SecretBuilder()
            .withMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(operator.namespace).build())
            .withStringData(data)
            .build();
    return operator.client.resource(secret).createOr(existing -> existing.update());
  }

  /** A Database resource for a new database on the server, Ready, filled with {@link #ROWS}. */
  String filledDatabase(Scratch scratch, String name, String instance) throws Exception {
    String serverName = scratch.databaseName(name.replace('-', '_'));
    operator.create(DatabaseReconcilerIT.database(name, serverName, instance));
    operator.awaitReady(Database.class, name);
    fill(scratch, serverName);
    return serverName;
  }

  /** A backup of the Database {@code database} to the claim or to S3. */
  DatabaseBackup backup(String name, String database, String storage, boolean encrypted) {
    DatabaseBackup backup = new DatabaseBackup();
    backup.setMetadata(new ObjectMetaBuilder().withName(name).build());
    DatabaseBackupSpec spec = new DatabaseBackupSpec();
    spec.setDatabaseRef(new ResourceRef(database));
    BackupStorageSpec where = new BackupStorageSpec();
    if (storage.equals("s3")) {
      where.setType(BackupStorageType.s3);
      S3Storage.Settings settings = s3.settings("backups");
      S3StorageSpec bucket = new S3StorageSpec();
      bucket.setBucket(settings.bucket());
      bucket.setRegion(settings.region());
      bucket.setEndpoint(settings.endpoint());
      bucket.setForcePathStyle(true);
      bucket.setPrefix("it");
      S3SecretRef ref = new S3SecretRef();
      ref.setName(S3_SECRET);
      bucket.setSecretRef(ref);
      where.setS3(bucket);
    } else {
      where.setType(BackupStorageType.pvc);
      PvcStorageSpec pvc = new PvcStorageSpec();
      pvc.setClaimName(CLAIM);
      pvc.setSubPath("operator");
      where.setPvc(pvc);
    }
    spec.setStorage(where);
    if (encrypted) {
      spec.setEncryption(encryption(KEY_SECRET));
    }
    backup.setSpec(spec);
    return backup;
  }

  static BackupEncryptionSpec encryption(String secret) {
    BackupEncryptionSpec encryption = new BackupEncryptionSpec();
    encryption.setEnabled(true);
    EncryptionKeySecretRef ref = new EncryptionKeySecretRef();
    ref.setName(secret);
    ref.setKey("key");
    encryption.setSecretRef(ref);
    return encryption;
  }

  /** A restore of {@code backup} into the new database {@code database} on {@code instance}. */
  static DatabaseRestore restoreInto(String name, String backup, String instance, String database) {
    RestoreTargetSpec target = new RestoreTargetSpec();
    target.setInstanceRef(new ResourceRef(instance));
    target.setDatabaseName(database);
    return restore(name, backup, target);
  }

  /** A restore of {@code backup} over the Database {@code database}, confirmed or not. */
  static DatabaseRestore restoreInPlace(
      String name, String backup, String database, boolean confirmed) {
    RestoreTargetSpec target = new RestoreTargetSpec();
    target.setInPlace(true);
    target.setDatabaseRef(new ResourceRef(database));
    DatabaseRestore restore = restore(name, backup, target);
    if (confirmed) {
      RestoreConfirmation confirmation = new RestoreConfirmation();
      confirmation.setAcknowledgeDataLoss("I-UNDERSTAND-DATA-LOSS");
      restore.getSpec().setConfirmation(confirmation);
    }
    return restore;
  }

  private static DatabaseRestore restore(String name, String backup, RestoreTargetSpec target) {
    DatabaseRestore restore = new DatabaseRestore();
    restore.setMetadata(new ObjectMetaBuilder().withName(name).build());
    DatabaseRestoreSpec spec = new DatabaseRestoreSpec();
    spec.setBackupRef(new ResourceRef(backup));
    spec.setTarget(target);
    restore.setSpec(spec);
    return restore;
  }

  DatabaseBackup awaitBackup(String name, DatabaseBackupStatus.Phase phase) {
    await()
        .atMost(OperatorOnMock.PATIENCE)
        .until(
            () -> {
              DatabaseBackup backup = operator.get(DatabaseBackup.class, name);
              return backup.getStatus() != null && backup.getStatus().getPhase() == phase;
            });
    return operator.get(DatabaseBackup.class, name);
  }

  DatabaseRestore awaitRestore(String name, DatabaseRestoreStatus.Phase phase) {
    await()
        .atMost(OperatorOnMock.PATIENCE)
        .until(
            () -> {
              DatabaseRestore restore = operator.get(DatabaseRestore.class, name);
              return restore.getStatus() != null && restore.getStatus().getPhase() == phase;
            });
    return operator.get(DatabaseRestore.class, name);
  }

  /** The file of a backup stored on the claim. */
  Path file(DatabaseBackup backup) {
    return volumes
        .resolve(CLAIM)
        .resolve("operator")
        .resolve(backup.getStatus().getBackup().getPath());
  }

  /** Every file stored on the claim. */
  List<Path> claimFiles() throws IOException {
    try (Stream<Path> files = Files.walk(volumes.resolve(CLAIM))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  static void fill(Scratch scratch, String database) throws Exception {
    try (Connection connection = scratch.connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
              + " price NUMERIC(10,2), created DATE)");
      if (scratch.server().kind() == TestServer.POSTGRES) {
        statement.execute(
            "INSERT INTO items SELECT n, 'item ' || n || ' it''s ü', n * 1.25,"
                + " DATE '2026-01-01' + n FROM generate_series(1, "
                + ROWS
                + ") AS n");
      } else {
        statement.execute("SET SESSION max_recursive_iterations = " + (ROWS + 1));
        statement.execute(
            "INSERT INTO items WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s"
                + " WHERE n < "
                + ROWS
                + ") SELECT n, CONCAT('item ', n, ' it''s ü'), n * 1.25,"
                + " DATE_ADD('2026-01-01', INTERVAL n DAY) FROM s");
      }
    }
  }

  static List<List<String>> rows(Scratch scratch, String database) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = scratch.connect(database);
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT id, name, price, created FROM items ORDER BY id")) {
      while (result.next()) {
        rows.add(
            List.of(
                result.getString(1),
                result.getString(2),
                result.getString(3),
                result.getString(4)));
      }
    }
    return rows;
  }

  @Override
  public void close() throws IOException {
    operator.close();
    s3.close();
    for (Path root : List.of(volumes, blobs)) {
      try (Stream<Path> files = Files.walk(root)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
