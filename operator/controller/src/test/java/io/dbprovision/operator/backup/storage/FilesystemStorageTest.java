package io.dbprovision.operator.backup.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemStorageTest extends BackupStorageContract {
  @TempDir Path root;
  private FilesystemStorage storage;

  @BeforeEach
  void createStorage() {
    storage = new FilesystemStorage(root);
  }

  @Override
  BackupStorage storage() {
    return storage;
  }

  @Test
  void writesTheKeyAsAPathUnderTheRoot() throws Exception {
    put(storage, "shop/orders/1-a.dump", new byte[] {7});

    assertThat(root.resolve("shop/orders/1-a.dump")).hasBinaryContent(new byte[] {7});
  }

  @Test
  void keepsAnUnfinishedUploadOutOfSight() throws Exception {
    Upload upload = storage.create("shop/orders/1-a.dump");
    upload.write(new byte[] {1, 2, 3});

    assertThat(storage.list("")).isEmpty();
    assertThat(root.resolve("shop/orders/1-a.dump")).doesNotExist();
    upload.commit();
    try (var files = Files.list(root.resolve("shop/orders"))) {
      assertThat(files).containsExactly(root.resolve("shop/orders/1-a.dump"));
    }
  }
}
