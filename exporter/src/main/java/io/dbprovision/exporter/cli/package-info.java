/**
 * The command line: {@code run} (the default), {@code validate} and {@code dry-run}, with picocli.
 *
 * <p>Exit codes: 0 success; 1 the configuration (or the Event file) is invalid, or the exporter
 * failed; 2 the command line is wrong. Commands write to picocli's out/err writers so tests capture
 * them. Secrets: configuration values come through {@code ${VAR}}; {@code dry-run} replaces every
 * value it expanded from the environment with {@code <redacted>} wherever it would print it.
 */
package io.dbprovision.exporter.cli;
