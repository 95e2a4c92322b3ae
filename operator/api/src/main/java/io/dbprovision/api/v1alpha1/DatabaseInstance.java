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

/** A database server the operator manages objects on, and the credentials it uses to do so. */
@Group(ResourceKind.GROUP)
@Version(ResourceKind.VERSION)
@Kind("DatabaseInstance")
@Plural("databaseinstances")
@ShortNames("dbi")
@AdditionalPrinterColumn(
    name = "Engine",
    jsonPath = ".spec.engine",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Host",
    jsonPath = ".spec.connection.host",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Port",
    jsonPath = ".spec.connection.port",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Phase",
    jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Version",
    jsonPath = ".status.version",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class DatabaseInstance extends CustomResource<DatabaseInstanceSpec, DatabaseInstanceStatus>
    implements Namespaced {}
