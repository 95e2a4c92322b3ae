package io.dbprovision.exporter.template;

/**
 * A function callable from templates. Arguments arrive as plain Java values (see {@link GoTemplate}
 * for the data model; Go's nil is {@code null}); the arity is checked before the call, by the
 * registry entry. Throw {@link IllegalArgumentException} with a short reason for bad input: it
 * becomes {@code error calling NAME: REASON} with the template position.
 */
@FunctionalInterface
public interface TemplateFunction {
  Object apply(Object[] args) throws Exception;
}
