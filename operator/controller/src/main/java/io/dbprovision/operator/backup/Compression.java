package io.dbprovision.operator.backup;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import io.dbprovision.api.v1alpha1.BackupCompressionAlgorithm;
import io.dbprovision.api.v1alpha1.BackupCompressionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A compression algorithm and level. gzip uses the JDK's zlib, zstd uses zstd-jni (levels 1-9 map
 * onto zstd's 1-9, its fast range).
 */
public record Compression(BackupCompressionAlgorithm algorithm, int level) {
  private static final int BUFFER = 64 * 1024;

  public static final Compression NONE = new Compression(BackupCompressionAlgorithm.none, 0);

  /** The compression a spec asks for: gzip level 6 when absent, none when disabled. */
  public static Compression of(BackupCompressionSpec spec) {
    if (spec == null) {
      return new Compression(BackupCompressionAlgorithm.gzip, 6);
    }
    if (Boolean.FALSE.equals(spec.getEnabled())
        || spec.getAlgorithm() == BackupCompressionAlgorithm.none) {
      return NONE;
    }
    BackupCompressionAlgorithm algorithm =
        spec.getAlgorithm() == null ? BackupCompressionAlgorithm.gzip : spec.getAlgorithm();
    int level = spec.getLevel() == null ? 6 : spec.getLevel();
    if (level < 1 || level > 9) {
      throw new IllegalArgumentException(
          "spec.compression.level " + level + " is not between 1 and 9");
    }
    return new Compression(algorithm, level);
  }

  /** Whether the bytes are compressed at all. */
  public boolean compresses() {
    return algorithm != BackupCompressionAlgorithm.none;
  }

  /** The suffix of object keys, e.g. {@code .gz}; empty for none. */
  public String extension() {
    return switch (algorithm) {
      case gzip -> ".gz";
      case zstd -> ".zst";
      case none -> "";
    };
  }

  /** Wraps {@code out}; closing the result finishes the stream and closes {@code out}. */
  public OutputStream compress(OutputStream out) throws IOException {
    return switch (algorithm) {
      case gzip -> new LeveledGzipOutputStream(out, level);
      case zstd -> new ZstdOutputStream(out, level);
      case none -> out;
    };
  }

  /** Wraps {@code in}. */
  public InputStream decompress(InputStream in) throws IOException {
    return switch (algorithm) {
      case gzip -> new GZIPInputStream(in, BUFFER);
      case zstd -> new ZstdInputStream(in);
      case none -> in;
    };
  }

  private static final class LeveledGzipOutputStream extends GZIPOutputStream {
    LeveledGzipOutputStream(OutputStream out, int level) throws IOException {
      super(out, BUFFER);
      def.setLevel(level);
    }
  }
}
