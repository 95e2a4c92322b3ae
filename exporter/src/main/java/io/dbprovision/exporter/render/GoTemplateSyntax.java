package io.dbprovision.exporter.render;

import io.dbprovision.exporter.config.TemplateSyntax;
import io.dbprovision.exporter.template.FunctionRegistry;
import io.dbprovision.exporter.template.GoTemplate;
import io.dbprovision.exporter.template.TemplateException;
import java.util.Objects;
import java.util.Optional;

/** Checks configuration templates with the Go template parser at load. */
public final class GoTemplateSyntax implements TemplateSyntax {
  private final FunctionRegistry functions;

  public GoTemplateSyntax(FunctionRegistry functions) {
    this.functions = Objects.requireNonNull(functions);
  }

  public GoTemplateSyntax() {
    this(FunctionRegistry.standard());
  }

  @Override
  public Optional<String> problem(String template) {
    try {
      GoTemplate.parse("template", template, functions);
      return Optional.empty();
    } catch (TemplateException e) {
      // Position and problem only: the template text may be a literal credential.
      return Optional.of(
          "not a valid template: line " + e.line() + ", column " + e.column() + ": " + e.detail());
    }
  }
}
