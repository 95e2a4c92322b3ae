package io.dbprovision.operator.backup;

import io.dbprovision.operator.backup.storage.StoredObject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores one backup on the calling thread: validation (object exists, SHA-256 matches) before the
 * target is touched, then storage, decryption, decompression and the restore client's stdin.
 */
public final class RestorePipeline {
  private static final Logger LOG = LoggerFactory.getLogger(RestorePipeline.class);
  private static final int BUFFER = 64 * 1024;

  private final Clock clock;
  private final Duration progressInterval;
  private final Path workDirectory;

  public RestorePipeline(Clock clock, Duration progressInterval, Path workDirectory) {
    this.clock = clock;
    this.progressInterval = progressInterval;
    this.workDirectory = workDirectory;
  }

  public RestoreOutcome run(RestoreRequest request, ProgressListener listener, Deadline deadline) {
    return run(request, listener, deadline, TargetPreparation.NONE);
  }

  /** Runs the restore, preparing the target with {@code preparation} once validation passed. */
  public RestoreOutcome run(
      RestoreRequest request,
      ProgressListener listener,
      Deadline deadline,
      TargetPreparation preparation) {
    Instant start = clock.instant();
    String where = request.storage().describe();
    try {
      Optional<StoredObject> object = request.storage().stat(request.key());
      if (object.isEmpty()) {
        return new RestoreOutcome.ValidationFailed(
            "backup object " + request.key() + " not found in " + where, since(start));
      }
      String actual;
      try (InputStream in = request.storage().open(request.key())) {
        actual = Checksums.of(in, deadline);
      }
      if (actual == null) {
        return deadlineExceeded(deadline, start);
      }
      if (!actual.equals(request.checksum())) {
        return new RestoreOutcome.ValidationFailed(
            "backup object "
                + request.key()
                + " has checksum "
                + actual
                + " but the backup recorded "
                + request.checksum(),
            since(start));
      }
      try {
        preparation.prepare();
      } catch (IOException e) {
        return new RestoreOutcome.Failed(
            "could not prepare the target " + request.target() + ": " + e.getMessage(),
            since(start));
      }
      LOG.info("Restoring {} from {} in {}", request.target(), request.key(), where);
      RestoreOutcome outcome =
          restore(request, object.get().sizeBytes(), listener, deadline, start);
      if (!(outcome instanceof RestoreOutcome.Completed)) {
        preparation.discard();
      }
      return outcome;
    } catch (IOException e) {
      return new RestoreOutcome.ValidationFailed(
          "could not read backup object " + request.key() + " in " + where + ": " + e.getMessage(),
          since(start));
    }
  }

  private RestoreOutcome restore(
      RestoreRequest request,
      long size,
      ProgressListener listener,
      Deadline deadline,
      Instant start) {
    ClientCommand command =
        ClientCommand.restore(request.target(), request.format(), request.replaceExisting());
    String program = command.arguments().get(0);
    Process process = null;
    try (ClientOutput output = new ClientOutput(workDirectory)) {
      try {
        process =
            command
                .processBuilder()
                .redirectErrorStream(true)
                .redirectOutput(output.file().toFile())
                .start();
      } catch (IOException e) {
        return new RestoreOutcome.Failed(
            "could not start " + program + ": " + e.getMessage(), since(start));
      }
      deadline.attach(process);
      ProgressMeter meter =
          new ProgressMeter(clock, progressInterval, OptionalLong.of(size), listener);
      String failure = null;
      try (DigestingInputStream stored =
          new DigestingInputStream(request.storage().open(request.key()), meter)) {
        InputStream plain = stored;
        if (request.encryption().isPresent()) {
          plain = request.encryption().get().decrypt(plain);
        }
        plain = request.compression().decompress(plain);
        OutputStream stdin = process.getOutputStream();
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = plain.read(buffer)) != -1) {
          stdin.write(buffer, 0, n);
        }
        stored.drain();
        if (!stored.checksum().equals(request.checksum())) {
          // Killed before it sees the end of its input, so a single-transaction restore rolls back.
          process.destroyForcibly();
          failure = "backup object " + request.key() + " changed while it was restored";
        } else {
          stdin.close();
        }
      } catch (IOException e) {
        process.destroyForcibly();
        failure = e.getMessage();
      }
      int exit = process.waitFor();
      if (deadline.expired()) {
        return deadlineExceeded(deadline, start);
      }
      if (exit != 0 || failure != null) {
        String client =
            program + (exit != 0 ? " exited with status " + exit : "") + ": " + output.tail();
        return new RestoreOutcome.Failed(
            (failure == null ? "" : "restore stopped: " + failure + "; ") + client, since(start));
      }
      listener.onProgress(new Progress(meter.bytes(), OptionalInt.of(100)));
      LOG.info("Restored {} from {}", request.target(), request.key());
      return new RestoreOutcome.Completed(meter.bytes(), since(start));
    } catch (IOException e) {
      return new RestoreOutcome.Failed("restore failed: " + e.getMessage(), since(start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new RestoreOutcome.Failed(
          "restore interrupted (operator shutting down)", since(start));
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }

  private RestoreOutcome deadlineExceeded(Deadline deadline, Instant start) {
    return new RestoreOutcome.DeadlineExceeded(
        deadline.limit().orElse(Duration.ZERO), since(start));
  }

  private Duration since(Instant start) {
    return Duration.between(start, clock.instant());
  }

  /** Counts and digests the stored bytes as the restore reads them. */
  private static final class DigestingInputStream extends FilterInputStream {
    private final MessageDigest digest = Checksums.sha256();
    private final ProgressMeter meter;

    DigestingInputStream(InputStream in, ProgressMeter meter) {
      super(in);
      this.meter = meter;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b != -1) {
        digest.update((byte) b);
        meter.add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        digest.update(b, off, n);
        meter.add(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buffer = new byte[(int) Math.min(n, BUFFER)];
      int read = read(buffer, 0, buffer.length);
      return Math.max(read, 0);
    }

    /** Reads what the decoders left, so the digest covers the whole object. */
    void drain() throws IOException {
      byte[] buffer = new byte[BUFFER];
      while (read(buffer, 0, buffer.length) != -1) {
        // digested in read
      }
    }

    String checksum() {
      return Checksums.format(digest);
    }
  }
}
