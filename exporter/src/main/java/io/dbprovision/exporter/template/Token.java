package io.dbprovision.exporter.template;

/** One lexical item: its kind, its source text and its character offset in the template. */
record Token(Kind kind, String text, int pos) {

  enum Kind {
    TEXT,
    LEFT_DELIM,
    RIGHT_DELIM,
    SPACE,
    FIELD,
    VARIABLE,
    DOT,
    IDENTIFIER,
    NUMBER,
    CHAR,
    STRING,
    RAW_STRING,
    BOOL,
    NIL,
    PIPE,
    LEFT_PAREN,
    RIGHT_PAREN,
    DECLARE,
    ASSIGN,
    COMMA,
    IF,
    ELSE,
    END,
    RANGE,
    WITH,
    DEFINE,
    TEMPLATE,
    BLOCK,
    BREAK,
    CONTINUE,
    EOF
  }
}
