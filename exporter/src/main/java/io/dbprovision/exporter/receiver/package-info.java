/**
 * Receivers: format an event (or a digest) for one destination and send it once, classifying the
 * answer as {@link io.dbprovision.exporter.receiver.SendResult.Sent}, {@code Retryable} (5xx, 429
 * with its {@code Retry-After}, I/O errors, timeouts) or {@code Permanent} (other 4xx, Slack's
 * {@code ok:false}, TLS trust failures). Retrying, pacing and digests are {@code deliver}'s.
 *
 * <p>Formatting is separate from transport: {@link io.dbprovision.exporter.receiver.SlackFormatter}
 * builds the Slack message (Block Kit inside one coloured attachment, plain {@code text} fallback),
 * {@code EventBody} the webhook/stdout/file JSON ({@code layout}, or the Go tool's default body).
 * Templates are parsed once, when the receiver is built; an execution error falls back to a plain
 * message or the default body, never to no message.
 *
 * <p>Decisions: Slack user data is mrkdwn-escaped before templating, so deliberate links written in
 * the template survive while an event message cannot ping {@code <!channel>}. Slack limits are
 * enforced by truncation with a marker (text 40,000; section 3,000; header 150; field 2,000; 50
 * blocks). A typed {@code layout} keeps YAML numbers and booleans (the Go tool nulls them). Secrets
 * (token, webhook URL and its path, header values) are scrubbed from every cause string, and the
 * Slack SDK's request logging, which prints URLs, is switched off.
 *
 * <p>{@code file} rotates as the Go tool's lumberjack file does ({@code maxsize} MB, {@code maxage}
 * days, {@code maxbackups}; {@code RotatingFileWriter}).
 *
 * <p>Limits: {@code serverName} (SNI, and the name the certificate must carry, as in Go) matches
 * subject alternative names only, not the legacy common name; {@code Retry-After} as an HTTP date
 * is ignored (backoff applies).
 */
package io.dbprovision.exporter.receiver;
