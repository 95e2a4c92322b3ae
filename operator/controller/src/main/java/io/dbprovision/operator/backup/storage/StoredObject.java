package io.dbprovision.operator.backup.storage;

import java.time.Instant;

/** A committed object: its key, its size in bytes and when it was last written. */
public record StoredObject(String key, long sizeBytes, Instant lastModified) {}
