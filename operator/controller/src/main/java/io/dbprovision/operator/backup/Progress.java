package io.dbprovision.operator.backup;

import java.util.OptionalInt;

/**
 * How far a backup or restore has got.
 *
 * @param bytes bytes the dump client wrote (backup) or stored bytes read (restore)
 * @param percentage estimated percentage done, when the total is known
 */
public record Progress(long bytes, OptionalInt percentage) {}
