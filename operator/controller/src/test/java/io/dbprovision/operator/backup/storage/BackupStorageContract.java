package io.dbprovision.operator.backup.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What every backend must do; each backend's test supplies a fresh, empty storage. */
abstract class BackupStorageContract {
  abstract BackupStorage storage();

  static StoredObject put(BackupStorage storage, String key, byte[] content) throws IOException {
    Upload upload = storage.create(key);
    upload.write(content);
    return upload.commit();
  }

  static byte[] read(BackupStorage storage, String key) throws IOException {
    try (InputStream in = storage.open(key)) {
      return in.readAllBytes();
    }
  }

  @Test
  void storesWhatWasWrittenUnderItsKey() throws Exception {
    byte[] content = "dump bytes".getBytes(StandardCharsets.UTF_8);

    StoredObject stored = put(storage(), "prod/shop/orders/1-a.dump.gz", content);

    assertThat(stored.sizeBytes()).isEqualTo(content.length);
    assertThat(read(storage(), "prod/shop/orders/1-a.dump.gz")).isEqualTo(content);
    assertThat(storage().stat("prod/shop/orders/1-a.dump.gz"))
        .hasValueSatisfying(o -> assertThat(o.sizeBytes()).isEqualTo(content.length));
  }

  @Test
  void streamsAnObjectLargerThanOnePart() throws Exception {
    long size = S3Storage.PART_SIZE * 2L + 12345;
    MessageDigest written = MessageDigest.getInstance("SHA-256");
    Random random = new Random(42);
    byte[] chunk = new byte[100_000];
    try (Upload upload = storage().create("big/object.bin")) {
      for (long left = size; left > 0; left -= chunk.length) {
        random.nextBytes(chunk);
        int n = (int) Math.min(chunk.length, left);
        upload.write(chunk, 0, n);
        written.update(chunk, 0, n);
      }
      upload.commit();
    }

    MessageDigest read = MessageDigest.getInstance("SHA-256");
    try (InputStream in = storage().open("big/object.bin")) {
      byte[] buffer = new byte[65536];
      int n;
      while ((n = in.read(buffer)) != -1) {
        read.update(buffer, 0, n);
      }
    }
    assertThat(read.digest()).isEqualTo(written.digest());
    assertThat(storage().stat("big/object.bin").orElseThrow().sizeBytes()).isEqualTo(size);
  }

  @Test
  void anAbortedUploadLeavesNothing() throws Exception {
    Upload upload = storage().create("ns/db/aborted.dump");
    upload.write(new byte[S3Storage.PART_SIZE + 10]);
    upload.abort();

    assertThat(storage().stat("ns/db/aborted.dump")).isEmpty();
    assertThat(storage().list("ns/")).isEmpty();
  }

  @Test
  void anUploadClosedWithoutCommitLeavesNothing() throws Exception {
    try (OutputStream upload = storage().create("ns/db/unfinished.dump")) {
      upload.write(1);
    }

    assertThat(storage().stat("ns/db/unfinished.dump")).isEmpty();
  }

  @Test
  void listsObjectsUnderAPrefixInKeyOrder() throws Exception {
    put(storage(), "p/shop/orders/2-b.dump", new byte[] {1});
    put(storage(), "p/shop/orders/1-a.dump", new byte[] {1, 2});
    put(storage(), "p/shop/other/1-c.dump", new byte[] {1});

    assertThat(storage().list("p/shop/orders/"))
        .extracting(StoredObject::key, StoredObject::sizeBytes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("p/shop/orders/1-a.dump", 2L),
            org.assertj.core.groups.Tuple.tuple("p/shop/orders/2-b.dump", 1L));
  }

  @Test
  void deletesAnObjectAndToleratesMissingOnes() throws Exception {
    put(storage(), "ns/db/old.dump", new byte[] {1});

    storage().delete("ns/db/old.dump");
    storage().delete("ns/db/never-there.dump");

    assertThat(storage().stat("ns/db/old.dump")).isEmpty();
  }

  @Test
  void readingAMissingObjectSaysWhichOne() {
    assertThatThrownBy(() -> storage().open("ns/db/missing.dump"))
        .isInstanceOf(NoSuchObjectException.class)
        .hasMessageContaining("ns/db/missing.dump");
  }

  @Test
  void rejectsKeysThatLeaveTheRoot() {
    for (String key : new String[] {"../escape", "a/../../b", "/absolute", "a//b", ""}) {
      assertThatThrownBy(() -> storage().create(key))
          .as(key)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("object key");
    }
  }
}
