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

/** One restore of a {@link DatabaseBackup} into a database. */
@Group(ResourceKind.GROUP)
@Version(ResourceKind.VERSION)
@Kind("DatabaseRestore")
@Plural("databaserestores")
@ShortNames("dbrestore")
@AdditionalPrinterColumn(
    name = "Backup",
    jsonPath = ".spec.backupRef.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Target",
    jsonPath = ".status.restore.targetDatabase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Phase",
    jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Progress",
    jsonPath = ".status.progress.percentage",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class DatabaseRestore extends CustomResource<DatabaseRestoreSpec, DatabaseRestoreStatus>
    implements Namespaced {}
