/**
 * Delivery, the same for every receiver: {@link io.dbprovision.exporter.deliver.Deliveries#submit}
 * hands a routed event to each receiver's lane: its {@code notify} gate, a bounded queue and one
 * worker thread (order kept per receiver; a slow receiver holds up no other).
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Retries run on Failsafe ({@code RetryPolicy} + an injectable {@code Scheduler}, so tests
 *       move a clock instead of waiting): 5xx, 429 and I/O errors, up to {@code maxAttempts}; the
 *       delay is the server's {@code Retry-After} in full (capped), else exponential backoff with
 *       ±20% jitter. Other 4xx are reported once and not retried.
 *   <li>Pacing is a small per-destination slot keeper ({@code Pacer}), shared by receivers that
 *       post to the same Slack channel or webhook; a {@code Retry-After} pauses the destination for
 *       all of them. Failsafe's {@code RateLimiter} was not used: it reads the system clock
 *       directly and cannot be paused by a server.
 *   <li>Backlog: when {@code digestThreshold} events wait, the worker sends one digest for all of
 *       them; events beyond {@code queueCapacity} are not stored but counted into the next digest
 *       by type, reason and object (bounded groups), so a storm costs bounded memory and nothing
 *       disappears uncounted.
 *   <li>Every event handed over ends in exactly one of {@code sent}, {@code failed}, {@code
 *       dropped} (shutdown deadline, unknown receiver), {@code suppressed} (notify policy) or
 *       {@code digested} (part of a digest Slack/the webhook accepted; a failed digest counts its
 *       events as {@code failed}).
 * </ul>
 *
 * <p>Limits: the notify state is in memory (at most 10,000 object+reason keys per receiver) and
 * does not survive a restart; a reload builds a new {@code Deliveries} (close the old one, which
 * drains it).
 */
package io.dbprovision.exporter.deliver;
