package io.dbprovision.exporter.render;

/**
 * The shapes {@link TemplatePayloadRenderer} renders, per sink, as plain Java data (maps keep the
 * keys in this order):
 *
 * <ul>
 *   <li>{@code slack}: a map with {@code message}, {@code color}, {@code title}, {@code
 *       authorName}, {@code footer} (strings, rendered) and {@code fields} (field name to rendered
 *       value, sorted by name as the Go tool sorts them).
 *   <li>{@code webhook}: a map with {@code headers} (name to rendered value) and {@code body}: the
 *       rendered layout, or, without a layout, the event's template data (the Go tool's default
 *       body is the event itself).
 *   <li>{@code stdout}, {@code file}: the rendered layout, or the event's template data; with
 *       {@code deDot} the dots of label and annotation keys become underscores.
 * </ul>
 *
 * <p>A rendered layout keeps its structure: maps and lists stay maps and lists, string leaves are
 * rendered templates, other leaves (numbers, booleans) are kept as written.
 */
public final class Payloads {
  public static final String MESSAGE = "message";
  public static final String COLOR = "color";
  public static final String TITLE = "title";
  public static final String AUTHOR_NAME = "authorName";
  public static final String FOOTER = "footer";
  public static final String FIELDS = "fields";
  public static final String HEADERS = "headers";
  public static final String BODY = "body";

  private Payloads() {}
}
