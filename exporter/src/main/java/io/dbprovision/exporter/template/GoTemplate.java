package io.dbprovision.exporter.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A Go {@code text/template}, parsed once and executed any number of times, from any number of
 * threads: the tree is immutable and every execution has its own state.
 *
 * <p>Data is plain Java: {@code Map<String, ?>} (a field {@code .Key} reads the entry), {@code
 * List<?>}, {@code String}, {@code Long}/{@code Integer}, {@code Double}, {@code Boolean} and
 * {@code null}. A missing map key prints {@code <no value>}, as in Go.
 *
 * <pre>{@code
 * GoTemplate t = GoTemplate.parse("slack.message", "{{ .InvolvedObject.Kind }}: {{ .Reason }}");
 * String text = t.renderOrFallback(event, e -> event.get("Message").toString());
 * }</pre>
 */
public final class GoTemplate {
  private final Source source;
  private final List<Node> root;
  private final Map<String, List<Node>> defined;

  private GoTemplate(Source source, Parser.Parsed parsed) {
    this.source = source;
    this.root = parsed.root();
    this.defined = parsed.defined();
  }

  /** Parses with the standard functions (Go built-ins and the Sprig subset, UTC clock). */
  public static GoTemplate parse(String name, String text) {
    return parse(name, text, FunctionRegistry.standard());
  }

  /**
   * @throws TemplateException naming the template, line and column of the first syntax error, an
   *     undefined function or an undefined variable
   */
  public static GoTemplate parse(String name, String text, FunctionRegistry functions) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    Source source = new Source(name, text);
    return new GoTemplate(source, Parser.parse(source, Objects.requireNonNull(functions)));
  }

  public String name() {
    return source.name();
  }

  public String text() {
    return source.text();
  }

  /** Names given to {@code {{define}}} and {@code {{block}}} in this template. */
  public Set<String> definedTemplates() {
    return defined.keySet();
  }

  /**
   * @throws TemplateException naming the template, line and column of the failing action
   */
  public String execute(Object data) {
    StringBuilder out = new StringBuilder(Math.max(64, source.text().length()));
    execute(data, out);
    return out.toString();
  }

  /**
   * Appends the output to {@code out}. On error, {@code out} holds what was written before the
   * failing action.
   */
  public void execute(Object data, StringBuilder out) {
    new Executor(source, defined, out).run(root, data);
  }

  /**
   * The output, or {@code fallback}'s answer when execution fails, so that a template bug never
   * loses the notification it was formatting.
   */
  public String renderOrFallback(
      Object data, Function<? super TemplateException, String> fallback) {
    try {
      return execute(data);
    } catch (TemplateException e) {
      return fallback.apply(e);
    }
  }

  @Override
  public String toString() {
    return "GoTemplate[" + source.name() + "]";
  }
}
