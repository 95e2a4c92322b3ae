/**
 * Pure schedule arithmetic for DatabaseBackupSchedule: when the next backup is due, what to do
 * about backups still running, and which completed backups retention deletes. Nothing here talks to
 * Kubernetes or reads the wall clock; callers pass the time in, so every decision is a table test.
 *
 * <p>Decisions: a schedule counts from a starting point (when the reconciler first takes it up, is
 * resumed, or sees a new spec), so a new schedule fires at its first due time, and then from the
 * next backup time it reported; runs missed while the operator was down collapse into one trigger,
 * named after the latest missed slot. {@link
 * io.dbprovision.operator.backup.schedule.ScheduledBackups} reads a schedule's existing backups
 * (already fetched) for these decisions and for status. Retention follows restic's rules: {@code
 * keepLast} keeps the N newest, each {@code keepHourly/Daily/Weekly/Monthly/Yearly} keeps the
 * newest backup of each of the last N periods that have a backup, periods taken in the schedule's
 * time zone (weeks are ISO weeks). A backup kept by any rule is kept. A policy with no rule keeps
 * everything.
 */
package io.dbprovision.operator.backup.schedule;
