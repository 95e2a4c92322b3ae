package io.dbprovision.exporter.config;

import java.util.Optional;

/**
 * The seam through which the template engine checks, at load, every value the Go tool treats as a
 * template (Slack texts and fields, webhook header values, the string leaves of layouts), so that a
 * broken template is reported with its path like any other configuration problem.
 */
@FunctionalInterface
public interface TemplateSyntax {

  /**
   * What is wrong with a template (with its line and column), or empty when it parses. The problem
   * must not quote the template: a header value may be a literal credential.
   */
  Optional<String> problem(String template);

  /** Accepts everything: templates are checked elsewhere, or not at all. */
  TemplateSyntax UNCHECKED = template -> Optional.empty();
}
