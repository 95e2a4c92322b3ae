package io.dbprovision.operator.backup.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against an in-process s3proxy on a fresh directory per test. */
class S3StorageTest extends BackupStorageContract {
  @TempDir Path blobs;
  private InProcessS3 s3;
  private S3Storage storage;

  @BeforeEach
  void start() throws Exception {
    s3 = InProcessS3.start(blobs);
    storage = S3Storage.connect(s3.settings("backups"));
  }

  @AfterEach
  void stop() throws Exception {
    storage.close();
    s3.close();
  }

  @Override
  BackupStorage storage() {
    return storage;
  }

  @Test
  void aWrongSecretIsRefusedWithoutPrintingIt() throws Exception {
    S3Storage.Settings good = s3.settings("backups");
    S3Storage.Settings wrong =
        new S3Storage.Settings(
            good.endpoint(),
            good.region(),
            good.bucket(),
            true,
            good.accessKeyId(),
            "not-the-secret");
    try (S3Storage intruder = S3Storage.connect(wrong)) {
      assertThatThrownBy(() -> intruder.list(""))
          .hasMessageContaining("403")
          .hasMessageNotContaining("not-the-secret");
    }
    assertThat(wrong.toString()).doesNotContain("not-the-secret");
  }
}
