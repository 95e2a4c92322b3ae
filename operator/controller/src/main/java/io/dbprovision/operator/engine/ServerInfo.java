package io.dbprovision.operator.engine;

import java.time.Duration;

/**
 * The result of a health check: the server's own version string, and how long a round trip on the
 * pooled connection took.
 */
public record ServerInfo(String version, Duration latency) {}
