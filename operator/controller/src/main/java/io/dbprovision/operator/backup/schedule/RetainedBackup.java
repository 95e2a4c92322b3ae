package io.dbprovision.operator.backup.schedule;

import java.time.Instant;

/** A completed backup as retention sees it: its name and when it was taken. */
public record RetainedBackup(String name, Instant takenAt) {}
