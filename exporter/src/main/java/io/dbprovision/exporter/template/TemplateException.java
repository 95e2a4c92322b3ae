package io.dbprovision.exporter.template;

/**
 * A template that cannot be parsed or executed. The message names the template, the line and the
 * column (both 1-based) of the offending construct, as {@code template "NAME":LINE:COL: DETAIL}.
 */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String templateName;
  private final int line;
  private final int column;
  private final String detail;
  private final boolean parseError;

  TemplateException(String templateName, int line, int column, String detail, boolean parseError) {
    super("template \"" + templateName + "\":" + line + ":" + column + ": " + detail);
    this.templateName = templateName;
    this.line = line;
    this.column = column;
    this.detail = detail;
    this.parseError = parseError;
  }

  public String templateName() {
    return templateName;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The problem without the position prefix. */
  public String detail() {
    return detail;
  }

  /** True when the text is not a valid template; false when it failed while rendering data. */
  public boolean isParseError() {
    return parseError;
  }
}
