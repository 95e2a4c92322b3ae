package io.dbprovision.docs;

import java.nio.file.Path;

/**
 * A generated block in a handwritten page, between a begin and an end marker line. Everything
 * outside the markers is prose and stays as written.
 */
record GeneratedBlock(Path page, String begin, String end) {

  /** The page's text with the block replaced by {@code content}. */
  String withContent(String text, String content) {
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalStateException(
          DocPaths.relative(page) + " must contain the lines " + begin + " and, after it, " + end);
    }
    return text.substring(0, from + begin.length()) + "\n" + content + "\n" + text.substring(to);
  }
}
