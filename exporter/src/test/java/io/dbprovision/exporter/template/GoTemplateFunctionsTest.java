package io.dbprovision.exporter.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GoTemplateFunctionsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T09:15:02.5Z"), ZoneId.of("UTC"));
  private static final FunctionRegistry FUNCTIONS = FunctionRegistry.standard(CLOCK);
  private static final Map<String, Object> DATA =
      Map.of(
          "Name",
          "pg-main",
          "Count",
          4,
          "Ms",
          1795511702000L,
          "Labels",
          Map.of("team", "payments", "app", "pg"),
          "List",
          List.of("b", "a", "c"),
          "Msg",
          "line one\nline two",
          "Uni",
          "héllo wörld");

  private static String render(String template) {
    return GoTemplate.parse("fn", template, FUNCTIONS).execute(DATA);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '"',
      textBlock =
          """
          {{ and 1 0 2 }} {{ and 1 2 }} {{ or 0 "" "x" }} [{{ or 0 "" }}] => 0 2 x []
          {{ not 0 }} {{ not "a" }} {{ not .Labels }} => true false false
          {{ eq .Count 4 }} {{ eq 4.0 4.0 }} {{ eq "a" "b" "a" }} {{ ne .Name "x" }} => true true true true
          {{ eq .Missing nil }} {{ eq .Missing "x" }} => true false
          {{ lt 1 2 }} {{ le 2 2 }} {{ gt "b" "a" }} {{ ge 1.5 2.5 }} => true true true false
          {{ len .Labels }} {{ len .List }} {{ len .Uni }} => 2 3 13
          {{ index .List 2 }} {{ index .Labels "team" }} {{ index "ab" 0 }} => c payments 97
          {{ printf "%t|%v|%s" true nil .List }} => true|<nil>|[b a c]
          {{ html "<a href='x'>&</a>" }} => &lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;
          {{ js "it's <b>" }} => it\\'s \\u003Cb\\u003E
          {{ urlquery "a b&c=d/é*~" }} => a+b%26c%3Dd%2F%C3%A9%2A~
          {{ toJson (list 1.5 1e21 0.0000001 100) }} => [1.5,1e+21,1e-7,100]
          {{ toString 4 }} {{ toString nil }} {{ toString .List }} => 4 <nil> [b a c]
          {{ default "d" "" }} {{ default "d" .Missing }} {{ default "d" 0 }} {{ default "d" "v" }} {{ "v" | default "d" }} => d d d v v
          {{ empty "" }} {{ empty 0 }} {{ empty false }} {{ empty .Missing }} {{ empty (list) }} {{ empty "x" }} => true true true true true false
          {{ coalesce "" 0 .Missing "first" "second" }} {{ coalesce "" }} => first <no value>
          {{ upper .Uni }} {{ lower "ÀB" }} {{ title "hello wörld foo_bar x-y" }} => HÉLLO WÖRLD àb Hello Wörld Foo_bar X-Y
          {{ trunc 2 .Name }} {{ trunc -4 .Name }} {{ trunc 99 .Name }} {{ trunc 0 .Name }}| => pg main pg-main |
          {{ abbrev 5 "hello world" }} {{ abbrev 3 "hello" }} {{ abbrev 20 "short" }} => he... hello short
          {{ replace "-" "_" .Name }} {{ contains "main" .Name }} {{ hasPrefix "pg" .Name }} {{ hasSuffix "pg" .Name }} => pg_main true true false
          {{ repeat 3 "ab" }} {{ substr 1 3 "hello" }} {{ substr 2 -1 "hello" }} {{ substr -1 2 "hello" }} => ababab el llo he
          {{ join "," .List }} {{ join "-" (list 1 nil "a") }} {{ join "+" "solo" }} => b,a,c 1-a solo
          {{ splitList "," "a,,b" }} {{ splitList "," "" | len }} {{ sortAlpha .List }} => [a  b] 1 [a b c]
          {{ list 1 "a" nil }} {{ dict "k" 1 "j" }} {{ get .Labels "team" }}|{{ get .Labels "x" }}|{{ hasKey .Labels "app" }} => [1 a <nil>] map[j: k:1] payments||true
          {{ keys .Labels }} {{ keys .Labels (dict "z" 1) }} => [app team] [app team z]
          {{ now }} => 2026-11-24 09:15:02.5 +0000 UTC
          {{ now | date "2006-01-02T15:04:05.000Z07:00" }} {{ now | unixEpoch }} => 2026-11-24T09:15:02.500Z 1795511702
          {{ date "Mon Jan _2 15:04:05 MST 2006" (div .Ms 1000) }} => Tue Nov 24 09:15:02 UTC 2026
          {{ date "02/01/06 3:04:05PM .999 ,000 002 __2" 0 }} => "01/01/70 12:00:00AM  ,000 001   1"
          {{ date "2006" "not a time" }} {{ dateInZone "15:04 MST" 0 "Europe/Berlin" }} => 2026 01:00 CET
          {{ add 1 2 3 }} {{ add }} {{ sub 1 5 }} {{ mul 2 3 }} {{ div 7 2 }} {{ div -7 2 }} {{ mod -7 3 }} => 6 0 -4 6 3 -3 -1
          {{ max 1 5 3 }} {{ min 4 -2 }} {{ add "10" "0x10" "010" "1.0" "x" 2.9 true nil }} => 5 -2 38
          {{ int "12" }} {{ int64 -3.7 }} {{ float64 "1.25" }} {{ float64 2 }} {{ float64 "x" }} => 12 -3 1.25 2 0
          {{ b64enc "pg-main" }} {{ b64dec "cGctbWFpbg==" }} {{ b64dec "%%" }} => cGctbWFpbg== pg-main illegal base64 data at input byte 0
          {{ sha256sum "" }} => e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
          {{ regexMatch "^pg-" .Name }} {{ regexMatch "main$" "x" }} {{ regexMatch "(" "x" }} => true false false
          {{ regexReplaceAll "(?P<a>[a-z]+)-([a-z]+)" .Name "$2:${a}$$" }} {{ regexReplaceAll "x*" "abc" "-" }} => main:pg$ -a-b-c-
          {{ ternary "yes" "no" true }} {{ ternary "yes" "no" false }} => yes no
          """)
  void behavesLikeGoAndSprig(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  static Stream<Arguments> quotingCases() {
    return Stream.of(
        Arguments.of("{{ print 1 2 \"x\" 3 }}|{{ println \"a\" 1 }}", "1 2x3|a 1\n"),
        Arguments.of(
            "{{ printf \"%5s|%-5s|%.2s|%q|%x\" \"ab\" \"ab\" \"abc\" \"a\\\"b\" \"hi\" }}",
            "   ab|ab   |ab|\"a\\\"b\"|6869"),
        Arguments.of(
            "{{ printf \"%d|%5d|%-5d|%05d|%+d|%x|%X|%o|%b|%c|%q|%U\" 42 42 42 -42 42 255 255 8 5 9731 65 9731 }}",
            "42|   42|42   |-0042|+42|ff|FF|10|101|\u2603|'A'|U+2603"),
        Arguments.of(
            "{{ printf \"%v|%.2f|%8.3f|%e|%g|%G|%.3g\" 2.5 3.14159 3.14159 1234.5678 0.00001234 1e21 3.14159 }}",
            "2.5|3.14|   3.142|1.234568e+03|1.234e-05|1E+21|3.14"),
        Arguments.of(
            "{{ printf \"%d\" \"x\" }}|{{ printf \"%s\" 1 }}|{{ printf \"%d\" }}|{{ printf \"x\" 1 }}|{{ printf \"%\" }}",
            "%!d(string=x)|%!s(int=1)|%!d(MISSING)|x%!(EXTRA int=1)|%!(NOVERB)"),
        Arguments.of("{{ printf \"%*d|%-*d|%.*f\" 4 1 3 2 1 3.14159 }}", "   1|2  |3.1"),
        Arguments.of(
            "{{ toJson .Labels }} {{ toJson .List }} {{ toJson \"<&>\" }} {{ toJson nil }}",
            "{\"app\":\"pg\",\"team\":\"payments\"} [\"b\",\"a\",\"c\"] \"\\u003c\\u0026\\u003e\" null"),
        Arguments.of(
            "{{ toJson \"tab\\tnl\\nquote\\\"back\\\\ \\u2028\" }}",
            "\"tab\\tnl\\nquote\\\"back\\\\ \\u2028\""),
        Arguments.of(
            "{{ toPrettyJson (dict \"a\" (list 1 (dict)) \"b\" \"x\") }}",
            "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": \"x\"\n}"),
        Arguments.of("{{ trim \" \\t\\n x y \\u00a0\" }}", "x y"),
        Arguments.of(
            "{{ quote \"a\\\"b\" 1 nil true }} {{ squote \"x\" 2 }}",
            "\"a\\\"b\" \"1\" \"true\" 'x' '2'"),
        Arguments.of("{{ indent 2 .Msg }}|{{ nindent 2 \"x\" }}", "  line one\n  line two|\n  x"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quotingCases")
  void behavesLikeGoWhereQuotesAndEscapesMatter(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void andOrStopEvaluatingAtTheDecidingOperand() {
    FunctionRegistry functions =
        FUNCTIONS.with(
            "boom",
            0,
            args -> {
              throw new IllegalStateException("must not be called");
            });

    assertThat(GoTemplate.parse("t", "{{ and 0 boom }}{{ or 1 boom }}", functions).execute(null))
        .isEqualTo("01");
    assertThatThrownBy(() -> GoTemplate.parse("t", "{{ and 1 boom }}", functions).execute(null))
        .hasMessageContaining("error calling boom: must not be called");
  }

  @Test
  void callsFunctionsAddedByTheCaller() {
    FunctionRegistry functions =
        FUNCTIONS
            .with("greet", 1, args -> "hello " + args[0])
            .with("sum", 0, FunctionRegistry.VARIADIC, args -> (long) args.length);

    String out =
        GoTemplate.parse("t", "{{ greet .Name }} {{ .Name | greet }} {{ sum 1 2 3 }}", functions)
            .execute(DATA);

    assertThat(out).isEqualTo("hello pg-main hello pg-main 3");
    assertThat(FUNCTIONS.contains("greet")).isFalse();
    assertThat(functions.names()).contains("greet", "sum", "toJson", "printf");
  }

  @Test
  void callerFunctionsMayReplaceStandardOnes() {
    FunctionRegistry functions = FUNCTIONS.with("upper", 1, args -> "UP");

    assertThat(GoTemplate.parse("t", "{{ upper \"x\" }}", functions).execute(null)).isEqualTo("UP");
  }

  @Test
  void rejectsInvalidFunctionNamesAndArities() {
    assertThatThrownBy(() -> FUNCTIONS.with("bad-name", 1, args -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad-name");
    assertThatThrownBy(() -> FUNCTIONS.with("f", 2, 1, args -> null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsNowFromTheInjectedClockInItsZone() {
    FunctionRegistry tokyo =
        FunctionRegistry.standard(
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneId.of("Asia/Tokyo")));

    assertThat(
            GoTemplate.parse("t", "{{ now | date \"2006-01-02 15:04 MST -07:00\" }}", tokyo)
                .execute(null))
        .isEqualTo("2026-01-01 09:00 JST +09:00");
  }
}
