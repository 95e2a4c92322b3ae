package io.dbprovision.operator.backup;

import io.dbprovision.operator.backup.storage.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one backup on the calling thread: dump client stdout, then compression, then optional
 * encryption, then a counting SHA-256 stage, then the storage upload. Use {@link BackupExecutor} to
 * run it off the reconcile thread with a deadline.
 */
public final class BackupPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(BackupPipeline.class);
  private static final int BUFFER = 64 * 1024;

  private final Clock clock;
  private final Duration progressInterval;
  private final Path workDirectory;

  /**
   * @param progressInterval the least time between two progress reports
   * @param workDirectory where the clients' diagnostic output is kept while they run
   */
  public BackupPipeline(Clock clock, Duration progressInterval, Path workDirectory) {
    this.clock = clock;
    this.progressInterval = progressInterval;
    this.workDirectory = workDirectory;
  }

  public BackupOutcome run(BackupRequest request, ProgressListener listener, Deadline deadline) {
    Instant start = clock.instant();
    ClientCommand command =
        ClientCommand.dump(
            request.source(),
            request.postgres(),
            request.mysql(),
            request.compression().compresses());
    String program = command.arguments().get(0);
    LOG.info(
        "Backing up {} to {} in {}", request.source(), request.key(), request.storage().describe());
    Process process = null;
    Upload upload = null;
    try (ClientOutput output = new ClientOutput(workDirectory)) {
      try {
        process = command.processBuilder().redirectError(output.file().toFile()).start();
      } catch (IOException e) {
        return new BackupOutcome.Failed(
            "could not start " + program + ": " + e.getMessage(), since(start));
      }
      process.getOutputStream().close();
      deadline.attach(process);
      upload = request.storage().create(request.key());
      StoredBytesOutputStream stored = new StoredBytesOutputStream(upload);
      ProgressMeter meter =
          new ProgressMeter(clock, progressInterval, request.databaseSizeBytes(), listener);
      try {
        copy(process.getInputStream(), chain(request, stored), meter);
      } catch (IOException e) {
        if (deadline.expired()) {
          return deadlineExceeded(deadline, start);
        }
        process.destroyForcibly();
        process.waitFor();
        return new BackupOutcome.Failed(
            "could not store the dump in "
                + request.storage().describe()
                + ": "
                + e.getMessage()
                + " ("
                + program
                + ": "
                + output.tail()
                + ")",
            since(start));
      }
      int exit = process.waitFor();
      if (deadline.expired()) {
        return deadlineExceeded(deadline, start);
      }
      if (exit != 0) {
        return new BackupOutcome.Failed(
            program + " exited with status " + exit + ": " + output.tail(), since(start));
      }
      upload.commit();
      listener.onProgress(new Progress(meter.bytes(), OptionalInt.of(100)));
      BackupArtifact artifact =
          new BackupArtifact(
              request.key(), meter.bytes(), stored.count(), stored.checksum(), command.format());
      LOG.info(
          "Backed up {}: {} bytes dumped, {} bytes stored",
          request.source(),
          artifact.sizeBytes(),
          artifact.storedBytes());
      return new BackupOutcome.Completed(artifact, since(start));
    } catch (IOException e) {
      return deadline.expired()
          ? deadlineExceeded(deadline, start)
          : new BackupOutcome.Failed("backup failed: " + e.getMessage(), since(start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new BackupOutcome.Failed("backup interrupted (operator shutting down)", since(start));
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
      if (upload != null) {
        upload.abort();
      }
    }
  }

  private static OutputStream chain(BackupRequest request, OutputStream stored) throws IOException {
    OutputStream out = stored;
    if (request.encryption().isPresent()) {
      out = request.encryption().get().encrypt(out);
    }
    return request.compression().compress(out);
  }

  private static void copy(InputStream dump, OutputStream out, ProgressMeter meter)
      throws IOException {
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = dump;
        OutputStream sink = out) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        sink.write(buffer, 0, n);
        meter.add(n);
      }
    }
  }

  private BackupOutcome deadlineExceeded(Deadline deadline, Instant start) {
    return new BackupOutcome.DeadlineExceeded(deadline.limit().orElse(Duration.ZERO), since(start));
  }

  private Duration since(Instant start) {
    return Duration.between(start, clock.instant());
  }
}
