/**
 * The operator's process configuration: {@code DBPROVISION_*} variables (flags may mirror them),
 * parsed into one record, every problem reported at once with the variable's name. Durations use
 * Go's syntax ({@code 8h}) and addresses Go's {@code [host]:port}, as users of the Go operator
 * write them. Unknown {@code DBPROVISION_*} variables are reported by name only, never by value.
 */
package io.dbprovision.operator.config;
