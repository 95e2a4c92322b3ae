package io.dbprovision.operator.reconcile;

import io.dbprovision.api.v1alpha1.BackupTemplateMetadata;
import io.dbprovision.api.v1alpha1.DatabaseBackup;
import io.dbprovision.api.v1alpha1.DatabaseBackupSchedule;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DatabaseBackup a schedule creates for one slot: the template's spec, labels and annotations,
 * the schedule's labels, and the schedule as controlling owner. The name is the schedule's name and
 * the slot in UTC ({@code nightly-20261125-030000}), so a slot can be created only once: a second
 * attempt for the same slot meets the first and changes nothing.
 */
final class ScheduledBackupTemplate {
  /** On every scheduled backup: the name of the schedule that created it. */
  static final String SCHEDULE_LABEL = Annotations.PREFIX + "schedule";

  /** On every scheduled backup, {@code "true"}; the operator watches backups by this label. */
  static final String SCHEDULED_LABEL = Annotations.PREFIX + "scheduled-backup";

  private static final DateTimeFormatter SLOT =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /** Object names are DNS subdomains of at most 253 characters. */
  private static final int MAX_NAME = 253;

  /** Label values have at most 63 characters. */
  private static final int MAX_LABEL_VALUE = 63;

  private ScheduledBackupTemplate() {}

  static String name(DatabaseBackupSchedule schedule, Instant slot) {
    String suffix = "-" + SLOT.format(slot);
    String prefix = schedule.getMetadata().getName();
    if (prefix.length() + suffix.length() > MAX_NAME) {
      prefix = prefix.substring(0, MAX_NAME - suffix.length());
    }
    return prefix + suffix;
  }

  static DatabaseBackup backupFor(DatabaseBackupSchedule schedule, Instant slot) {
    BackupTemplateMetadata template = schedule.getSpec().getTemplate().getMetadata();
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> annotations = new LinkedHashMap<>();
    if (template != null && template.getLabels() != null) {
      labels.putAll(template.getLabels());
    }
    if (template != null && template.getAnnotations() != null) {
      annotations.putAll(template.getAnnotations());
    }
    String scheduleName = schedule.getMetadata().getName();
    // A longer name is not a valid label value; the owner reference links the two all the same.
    if (scheduleName.length() <= MAX_LABEL_VALUE) {
      labels.put(SCHEDULE_LABEL, scheduleName);
    }
    labels.put(SCHEDULED_LABEL, "true");

    DatabaseBackup backup = new DatabaseBackup();
    backup.setMetadata(
        new ObjectMetaBuilder()
            .withName(name(schedule, slot))
            .withNamespace(schedule.getMetadata().getNamespace())
            .withLabels(labels)
            .withAnnotations(annotations.isEmpty() ? null : annotations)
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(HasMetadata.getApiVersion(DatabaseBackupSchedule.class))
                    .withKind(HasMetadata.getKind(DatabaseBackupSchedule.class))
                    .withName(scheduleName)
                    .withUid(schedule.getMetadata().getUid())
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .build())
            .build());
    // A copy: the created backup must not share objects with the schedule's spec.
    backup.setSpec(Serialization.clone(schedule.getSpec().getTemplate().getSpec()));
    return backup;
  }
}
