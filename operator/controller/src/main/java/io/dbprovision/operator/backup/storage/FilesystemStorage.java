package io.dbprovision.operator.backup.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Objects as files under a directory, typically a PersistentVolumeClaim mounted into the operator
 * pod. A key {@code a/b/c.dump} is the file {@code <root>/a/b/c.dump}. Uploads are written to a
 * hidden {@code .partial} file beside the target and renamed into place on commit.
 */
public final class FilesystemStorage implements BackupStorage {
  private static final String PARTIAL = ".partial";

  private final Path root;

  public FilesystemStorage(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Upload create(String key) throws IOException {
    Path target = resolve(key);
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), PARTIAL);
    return new FileUpload(key, target, partial);
  }

  @Override
  public InputStream open(String key) throws IOException {
    try {
      return Files.newInputStream(resolve(key));
    } catch (NoSuchFileException e) {
      throw new NoSuchObjectException(key, describe());
    }
  }

  @Override
  public Optional<StoredObject> stat(String key) throws IOException {
    Path file = resolve(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return Optional.of(
        new StoredObject(key, attributes.size(), attributes.lastModifiedTime().toInstant()));
  }

  @Override
  public List<StoredObject> list(String prefix) throws IOException {
    List<StoredObject> objects = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return objects;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            String key = keyOf(file);
            if (!file.getFileName().toString().endsWith(PARTIAL) && key.startsWith(prefix)) {
              objects.add(
                  new StoredObject(
                      key, attributes.size(), attributes.lastModifiedTime().toInstant()));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    objects.sort(Comparator.comparing(StoredObject::key));
    return objects;
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(resolve(key));
  }

  @Override
  public String describe() {
    return "directory " + root;
  }

  private Path resolve(String key) {
    Path file = root.resolve(ObjectKeys.requireValid(key)).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("object key \"" + key + "\" leaves " + root);
    }
    return file;
  }

  private String keyOf(Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  private static final class FileUpload extends Upload {
    private final String key;
    private final Path target;
    private final Path partial;
    private final OutputStream out;
    private boolean finished;

    FileUpload(String key, Path target, Path partial) throws IOException {
      this.key = key;
      this.target = target;
      this.partial = partial;
      this.out = Files.newOutputStream(partial);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public StoredObject commit() throws IOException {
      if (finished) {
        throw new IllegalStateException("upload of " + key + " already finished");
      }
      out.close();
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      finished = true;
      BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class);
      return new StoredObject(key, attributes.size(), attributes.lastModifiedTime().toInstant());
    }

    @Override
    public void abort() {
      if (finished) {
        return;
      }
      finished = true;
      try {
        out.close();
      } catch (IOException ignored) {
        // the partial file is deleted below either way
      }
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // a leftover .partial file is never listed or read
      }
    }
  }
}
