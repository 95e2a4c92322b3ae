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

/** A logical database on a {@link DatabaseInstance}. */
@Group(ResourceKind.GROUP)
@Version(ResourceKind.VERSION)
@Kind("Database")
@Plural("databases")
@ShortNames("db")
@AdditionalPrinterColumn(
    name = "Instance",
    jsonPath = ".spec.instanceRef.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Database",
    jsonPath = ".spec.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Phase",
    jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Size",
    jsonPath = ".status.database.sizeBytes",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Database extends CustomResource<DatabaseSpec, DatabaseStatus> implements Namespaced {}
