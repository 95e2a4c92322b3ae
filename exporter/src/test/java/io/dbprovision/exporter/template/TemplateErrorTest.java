package io.dbprovision.exporter.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateErrorTest {
  private static final Map<String, Object> EVENT =
      Map.of("Reason", "Failed", "Count", 2, "Labels", Map.of("team", "db"), "List", List.of(1));

  static Stream<Arguments> parseErrors() {
    return Stream.of(
        Arguments.of("{{ foo .Reason }}", 1, 4, "function \"foo\" not defined"),
        Arguments.of("Alert\n  {{ .Reason | nope }}", 2, 16, "function \"nope\" not defined"),
        Arguments.of("{{ .Reason", 1, 1, "unclosed action"),
        Arguments.of("{{ if .Reason }}x", 1, 18, "unexpected EOF"),
        Arguments.of("x{{ end }}", 1, 5, "unexpected {{end}}"),
        Arguments.of("{{ else }}", 1, 4, "unexpected {{else}}"),
        Arguments.of("{{ if }}{{ end }}", 1, 7, "missing value for if"),
        Arguments.of("{{ }}", 1, 4, "missing value for command"),
        Arguments.of("{{ $x }}", 1, 4, "undefined variable \"$x\""),
        Arguments.of(
            "{{ if 1 }}{{ $y := 1 }}{{ end }}{{ $y }}", 1, 36, "undefined variable \"$y\""),
        Arguments.of("{{ $z = 1 }}", 1, 4, "undefined variable \"$z\""),
        Arguments.of("{{ $a, $b := 1 }}", 1, 6, "too many declarations in command"),
        Arguments.of("{{ break }}", 1, 4, "{{break}} outside {{range}}"),
        Arguments.of(
            "{{ range .List }}{{ continue 1 }}{{ end }}", 1, 30, "unexpected \"1\" in continue"),
        Arguments.of("{{ .Reason | \"x\" }}", 1, 14, "non executable command in pipeline stage 2"),
        Arguments.of("{{ \"abc }}", 1, 4, "unterminated quoted string"),
        Arguments.of("{{ `abc }}", 1, 4, "unterminated raw quoted string"),
        Arguments.of("{{ 'ab' }}", 1, 4, "malformed character constant: 'ab'"),
        Arguments.of("{{ 3x }}", 1, 4, "bad number syntax: \"3x\""),
        Arguments.of("{{ \"\\q\" }}", 1, 4, "invalid syntax in quoted string \"\\q\""),
        Arguments.of("{{ .A# }}", 1, 6, "bad character U+0023 '#'"),
        Arguments.of("{{ (.A }}", 1, 8, "unclosed left paren"),
        Arguments.of("{{ .A) }}", 1, 6, "unexpected right paren"),
        Arguments.of("{{ /* open }}", 1, 4, "unrecognized character in action: U+002F '/'"),
        Arguments.of("{{/* open }}", 1, 1, "unclosed comment"),
        Arguments.of("{{ template .Name }}", 1, 13, "unexpected \".Name\" in template clause"),
        Arguments.of(
            "{{ if 1 }}{{ define \"x\" }}{{ end }}{{ end }}",
            1,
            14,
            "unexpected <define> in command"),
        Arguments.of(
            "{{ range .List }}{{ else if 1 }}{{ end }}", 1, 21, "unexpected else if in range"),
        Arguments.of("{{ nil.X }}", 1, 4, "unexpected . after term"),
        Arguments.of("{{ 1 := 2 }}", 1, 6, "unexpected \":=\" in operand"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parseErrors")
  void parseErrorsNameTemplateLineAndColumn(String text, int line, int column, String detail) {
    TemplateException e =
        catchThrowableOfType(
            TemplateException.class, () -> GoTemplate.parse("slack.message", text));

    assertThat(e).as("parse of %s", text).isNotNull();
    assertThat(e.getMessage())
        .isEqualTo("template \"slack.message\":" + line + ":" + column + ": " + detail);
    assertThat(e.templateName()).isEqualTo("slack.message");
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.column()).isEqualTo(column);
    assertThat(e.detail()).isEqualTo(detail);
    assertThat(e.isParseError()).isTrue();
  }

  static Stream<Arguments> execErrors() {
    return Stream.of(
        Arguments.of(
            "{{ upper .Count }}",
            1,
            4,
            "executing <upper .Count>: wrong type for value; expected string; got int"),
        Arguments.of(
            "ok\n{{ .Missing | upper }}",
            2,
            15,
            "executing <upper>: invalid value; expected string"),
        Arguments.of(
            "{{ .Reason.Deeper }}",
            1,
            4,
            "executing <.Reason.Deeper>: can't evaluate field Deeper in type string"),
        Arguments.of(
            "{{ upper \"a\" \"b\" }}",
            1,
            4,
            "executing <upper \"a\" \"b\">: wrong number of args for upper: want 1 got 2"),
        Arguments.of(
            "{{ index .List 5 }}",
            1,
            4,
            "executing <index .List 5>: error calling index: index out of range: 5"),
        Arguments.of(
            "{{ div 1 0 }}",
            1,
            4,
            "executing <div 1 0>: error calling div: runtime error: integer divide by zero"),
        Arguments.of(
            "{{ lt .Labels 1 }}",
            1,
            4,
            "executing <lt .Labels 1>: error calling lt: invalid type for comparison"),
        Arguments.of(
            "{{ eq .Reason 1 }}",
            1,
            4,
            "executing <eq .Reason 1>: error calling eq: incompatible types for comparison"),
        Arguments.of("{{ len 3 }}", 1, 4, "executing <len 3>: error calling len: len of type int"),
        Arguments.of(
            "{{ .Reason 1 }}",
            1,
            4,
            "executing <.Reason 1>: Reason is not a method but has arguments"),
        Arguments.of("{{ 1 2 }}", 1, 4, "executing <1 2>: can't give argument to non-function 1"),
        Arguments.of("{{ nil }}", 1, 4, "executing <nil>: nil is not a command"),
        Arguments.of("{{ range .Reason }}{{ end }}", 1, 4, "range can't iterate over Failed"),
        Arguments.of("{{ template \"nope\" }}", 1, 4, "no such template \"nope\""),
        Arguments.of(
            "{{ define \"loop\" }}{{ template \"loop\" . }}{{ end }}{{ template \"loop\" . }}",
            1,
            23,
            "exceeded maximum template depth (" + Executor.MAX_DEPTH + ")"),
        Arguments.of(
            "{{ range 5000000 }}xx{{ end }}",
            1,
            20,
            "output exceeds " + Executor.MAX_OUTPUT + " characters"),
        Arguments.of(
            "{{ regexReplaceAll \"(\" .Reason \"\" }}",
            1,
            4,
            "executing <regexReplaceAll \"(\" .Reason \"\">: error calling regexReplaceAll: regexp: Compile(\"(\"): Unclosed group"),
        Arguments.of(
            "{{ repeat -1 \"x\" }}",
            1,
            4,
            "executing <repeat -1 \"x\">: error calling repeat: strings: negative Repeat count"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("execErrors")
  void executionErrorsNameTemplateLineAndColumn(String text, int line, int column, String detail) {
    GoTemplate template = GoTemplate.parse("webhook.body", text);

    TemplateException e =
        catchThrowableOfType(TemplateException.class, () -> template.execute(EVENT));

    assertThat(e).as("execution of %s", text).isNotNull();
    assertThat(e.getMessage())
        .isEqualTo("template \"webhook.body\":" + line + ":" + column + ": " + detail);
    assertThat(e.isParseError()).isFalse();
  }

  @Test
  void fallsBackToAPlainMessageInsteadOfDroppingTheAlert() {
    GoTemplate template = GoTemplate.parse("slack.message", "{{ .Reason }}: {{ upper .Count }}");
    List<TemplateException> seen = new ArrayList<>();

    String text =
        template.renderOrFallback(
            EVENT,
            e -> {
              seen.add(e);
              return "Failed (template error)";
            });

    assertThat(text).isEqualTo("Failed (template error)");
    assertThat(seen).singleElement().extracting(TemplateException::line).isEqualTo(1);
  }

  @Test
  void fallbackIsNotCalledWhenTheTemplateRenders() {
    GoTemplate template = GoTemplate.parse("slack.message", "{{ .Reason }}");

    assertThat(
            template.renderOrFallback(
                EVENT,
                e -> {
                  throw new AssertionError("unexpected fallback", e);
                }))
        .isEqualTo("Failed");
  }

  @Test
  void keepsOutputWrittenBeforeTheFailingAction() {
    StringBuilder out = new StringBuilder();

    assertThatThrownBy(
            () -> GoTemplate.parse("t", "before {{ upper 1 }} after").execute(EVENT, out))
        .isInstanceOf(TemplateException.class);
    assertThat(out).hasToString("before ");
  }
}
