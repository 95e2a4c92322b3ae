package io.dbprovision.api.v1alpha1;

import io.dbprovision.api.ResourceKind;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One backup of a {@link Database}, taken once. */
@Group(ResourceKind.GROUP)
@Version(ResourceKind.VERSION)
@Kind("DatabaseBackup")
@Plural("databasebackups")
@ShortNames("dbbak")
@AdditionalPrinterColumn(
    name = "Database",
    jsonPath = ".spec.databaseRef.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Phase",
    jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Size",
    jsonPath = ".status.backup.compressedSizeBytes",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Started",
    jsonPath = ".status.startedAt",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
    name = "Completed",
    jsonPath = ".status.completedAt",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class DatabaseBackup extends CustomResource<DatabaseBackupSpec, DatabaseBackupStatus>
    implements Namespaced {}
