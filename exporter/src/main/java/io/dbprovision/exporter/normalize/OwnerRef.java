package io.dbprovision.exporter.normalize;

/**
 * An owner reference of the involved object (template data {@code
 * .InvolvedObject.OwnerReferences}).
 */
public record OwnerRef(
    String apiVersion,
    String kind,
    String name,
    String uid,
    boolean controller,
    boolean blockOwnerDeletion) {}
