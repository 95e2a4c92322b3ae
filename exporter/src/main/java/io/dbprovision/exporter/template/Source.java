package io.dbprovision.exporter.template;

/** The text of one template with its name, turning character offsets into positioned errors. */
record Source(String name, String text) {

  TemplateException parseError(int offset, String detail) {
    return error(offset, detail, true);
  }

  TemplateException execError(int offset, String detail) {
    return error(offset, detail, false);
  }

  private TemplateException error(int offset, String detail, boolean parse) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new TemplateException(name, line, end - lineStart + 1, detail, parse);
  }
}
