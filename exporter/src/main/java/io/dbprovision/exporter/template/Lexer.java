package io.dbprovision.exporter.template;

import io.dbprovision.exporter.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits template text into tokens the way Go's {@code text/template/parse} lexer does: text,
 * {@code {{ }}} actions with {@code -} trim markers, comments, and the items inside actions.
 */
final class Lexer {
  private static final String LEFT = "{{";
  private static final String RIGHT = "}}";
  private static final Map<String, Kind> KEYWORDS =
      Map.ofEntries(
          Map.entry("if", Kind.IF),
          Map.entry("else", Kind.ELSE),
          Map.entry("end", Kind.END),
          Map.entry("range", Kind.RANGE),
          Map.entry("with", Kind.WITH),
          Map.entry("define", Kind.DEFINE),
          Map.entry("template", Kind.TEMPLATE),
          Map.entry("block", Kind.BLOCK),
          Map.entry("break", Kind.BREAK),
          Map.entry("continue", Kind.CONTINUE),
          Map.entry("nil", Kind.NIL),
          Map.entry("true", Kind.BOOL),
          Map.entry("false", Kind.BOOL));

  private final Source source;
  private final String in;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int parenDepth;

  private Lexer(Source source) {
    this.source = source;
    this.in = source.text();
  }

  static List<Token> lex(Source source) {
    Lexer lexer = new Lexer(source);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    boolean trimLeadingSpace = false;
    while (true) {
      int start = pos;
      int delim = in.indexOf(LEFT, pos);
      int textEnd = delim < 0 ? in.length() : delim;
      boolean trimBefore = delim >= 0 && hasLeftTrimMarker(delim + LEFT.length());
      int from = start;
      if (trimLeadingSpace) {
        while (from < textEnd && isSpace(in.charAt(from))) {
          from++;
        }
      }
      int to = textEnd;
      if (trimBefore) {
        while (to > from && isSpace(in.charAt(to - 1))) {
          to--;
        }
      }
      if (to > from) {
        tokens.add(new Token(Kind.TEXT, in.substring(from, to), from));
      }
      if (delim < 0) {
        tokens.add(new Token(Kind.EOF, "", in.length()));
        return;
      }
      pos = delim + LEFT.length() + (trimBefore ? 2 : 0);
      trimLeadingSpace = lexAction(delim);
    }
  }

  /** Lexes one action starting after its left delimiter; returns whether it ends with "-}}". */
  private boolean lexAction(int delimPos) {
    int afterSpaces = pos;
    if (in.startsWith("/*", pos)) {
      int close = in.indexOf("*/", pos + 2);
      if (close < 0) {
        throw source.parseError(delimPos, "unclosed comment");
      }
      pos = close + 2;
      int trim = rightDelimAt(pos);
      if (trim < 0) {
        throw source.parseError(delimPos, "comment ends before closing delimiter");
      }
      pos += trim == 1 ? 2 + RIGHT.length() : RIGHT.length();
      return trim == 1;
    }
    tokens.add(new Token(Kind.LEFT_DELIM, LEFT, delimPos));
    parenDepth = 0;
    pos = afterSpaces;
    while (true) {
      int right = rightDelimAt(pos);
      if (right >= 0 && parenDepth > 0) {
        throw source.parseError(pos, "unclosed left paren");
      }
      if (right >= 0) {
        tokens.add(new Token(Kind.RIGHT_DELIM, RIGHT, pos));
        pos += right == 1 ? 2 + RIGHT.length() : RIGHT.length();
        return right == 1;
      }
      if (pos >= in.length()) {
        throw source.parseError(delimPos, "unclosed action");
      }
      char c = in.charAt(pos);
      int start = pos;
      if (isSpace(c)) {
        while (pos < in.length() && isSpace(in.charAt(pos)) && rightDelimAt(pos) != 1) {
          pos++;
        }
        tokens.add(new Token(Kind.SPACE, in.substring(start, pos), start));
      } else if (c == '=') {
        pos++;
        tokens.add(new Token(Kind.ASSIGN, "=", start));
      } else if (c == ':') {
        if (!in.startsWith(":=", pos)) {
          throw source.parseError(start, "expected :=");
        }
        pos += 2;
        tokens.add(new Token(Kind.DECLARE, ":=", start));
      } else if (c == '|') {
        pos++;
        tokens.add(new Token(Kind.PIPE, "|", start));
      } else if (c == ',') {
        pos++;
        tokens.add(new Token(Kind.COMMA, ",", start));
      } else if (c == '"') {
        lexQuote(start, '"', Kind.STRING, "unterminated quoted string");
      } else if (c == '\'') {
        lexQuote(start, '\'', Kind.CHAR, "unterminated character constant");
      } else if (c == '`') {
        int close = in.indexOf('`', pos + 1);
        if (close < 0) {
          throw source.parseError(start, "unterminated raw quoted string");
        }
        pos = close + 1;
        tokens.add(new Token(Kind.RAW_STRING, in.substring(start, pos), start));
      } else if (c == '$') {
        pos++;
        lexWord(start, Kind.VARIABLE);
      } else if (c == '.') {
        if (pos + 1 < in.length() && isDigit(in.charAt(pos + 1))) {
          lexNumber(start);
        } else {
          pos++;
          lexWord(start, Kind.FIELD);
        }
      } else if (c == '+' || c == '-' || isDigit(c)) {
        lexNumber(start);
      } else if (isAlphaNumeric(c)) {
        lexWord(start, Kind.IDENTIFIER);
      } else if (c == '(') {
        pos++;
        parenDepth++;
        tokens.add(new Token(Kind.LEFT_PAREN, "(", start));
      } else if (c == ')') {
        pos++;
        parenDepth--;
        if (parenDepth < 0) {
          throw source.parseError(start, "unexpected right paren");
        }
        tokens.add(new Token(Kind.RIGHT_PAREN, ")", start));
      } else {
        throw source.parseError(start, "unrecognized character in action: " + describe(c));
      }
    }
  }

  private void lexQuote(int start, char quote, Kind kind, String unterminated) {
    pos++;
    while (true) {
      if (pos >= in.length() || in.charAt(pos) == '\n') {
        throw source.parseError(start, unterminated);
      }
      char c = in.charAt(pos++);
      if (c == '\\') {
        if (pos >= in.length() || in.charAt(pos) == '\n') {
          throw source.parseError(start, unterminated);
        }
        pos++;
      } else if (c == quote) {
        break;
      }
    }
    tokens.add(new Token(kind, in.substring(start, pos), start));
  }

  /** Words: identifiers and keywords, ".Field" (or "." alone), "$var" (or "$" alone). */
  private void lexWord(int start, Kind kind) {
    while (pos < in.length() && isAlphaNumeric(in.charAt(pos))) {
      pos++;
    }
    if (!atTerminator()) {
      throw source.parseError(pos, "bad character " + describe(in.charAt(pos)));
    }
    String word = in.substring(start, pos);
    if (kind == Kind.FIELD && word.length() == 1) {
      tokens.add(new Token(Kind.DOT, word, start));
    } else if (kind == Kind.IDENTIFIER) {
      tokens.add(new Token(KEYWORDS.getOrDefault(word, Kind.IDENTIFIER), word, start));
    } else {
      tokens.add(new Token(kind, word, start));
    }
  }

  private void lexNumber(int start) {
    accept("+-");
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (digits.length() == 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length() == 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    if (pos < in.length() && isAlphaNumeric(in.charAt(pos))) {
      throw source.parseError(start, "bad number syntax: \"" + in.substring(start, pos + 1) + "\"");
    }
    tokens.add(new Token(Kind.NUMBER, in.substring(start, pos), start));
  }

  private boolean accept(String valid) {
    if (pos < in.length() && valid.indexOf(in.charAt(pos)) >= 0) {
      pos++;
      return true;
    }
    return false;
  }

  private void acceptRun(String valid) {
    while (accept(valid)) {
      // consume
    }
  }

  private boolean atTerminator() {
    if (pos >= in.length()) {
      return true;
    }
    char c = in.charAt(pos);
    return isSpace(c)
        || c == '.'
        || c == ','
        || c == '|'
        || c == ':'
        || c == ')'
        || c == '('
        || in.startsWith(RIGHT, pos);
  }

  /** -1: no right delimiter at {@code at}; 0: "}}"; 1: " -}}" (trim marker). */
  private int rightDelimAt(int at) {
    if (at + 1 < in.length()
        && isSpace(in.charAt(at))
        && in.charAt(at + 1) == '-'
        && in.startsWith(RIGHT, at + 2)) {
      return 1;
    }
    return in.startsWith(RIGHT, at) ? 0 : -1;
  }

  private boolean hasLeftTrimMarker(int at) {
    return at + 1 < in.length() && in.charAt(at) == '-' && isSpace(in.charAt(at + 1));
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAlphaNumeric(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  private static String describe(char c) {
    return String.format("U+%04X '%c'", (int) c, c);
  }
}
