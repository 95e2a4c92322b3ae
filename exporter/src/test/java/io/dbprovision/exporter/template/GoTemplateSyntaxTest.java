package io.dbprovision.exporter.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoTemplateSyntaxTest {

  private static final Map<String, Object> EVENT = event();

  private static Map<String, Object> event() {
    Map<String, Object> involved = new HashMap<>();
    involved.put("Kind", "Database");
    involved.put("Name", "orders");
    involved.put("Labels", Map.of("team", "shop", "tier", "gold"));
    involved.put("Owners", List.of("a", "b", "c"));
    Map<String, Object> event = new HashMap<>();
    event.put("Reason", "DriftDetected");
    event.put("Type", "Warning");
    event.put("Count", 3);
    event.put("Ratio", 0.25);
    event.put("Empty", "");
    event.put("Nothing", null);
    event.put("InvolvedObject", involved);
    event.put("Items", Arrays.asList(1, null, 3));
    return event;
  }

  private static String render(String template) {
    return GoTemplate.parse("test", template).execute(EVENT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '"',
      textBlock =
          """
          plain text => plain text
          {{ .Reason }} => DriftDetected
          {{ .InvolvedObject.Kind }}/{{ .InvolvedObject.Name }} => Database/orders
          {{ $.InvolvedObject.Name }} => orders
          {{ .Missing }} => <no value>
          {{ .Nothing }} => <no value>
          {{ .InvolvedObject.Labels.missing }} => <no value>
          {{ .Missing.Deeper.Still }} => <no value>
          {{ $x := .Missing }}{{ $x.Field }} => <no value>
          {{ $x := .Nothing }}{{ $x.Field }} => <no value>
          {{ (.Nothing).Field }} => <no value>
          {{ . | len }} => 8
          {{ .Count }} {{ .Ratio }} => 3 0.25
          {{ .InvolvedObject.Labels }} => map[team:shop tier:gold]
          {{ .Items }} => [1 <nil> 3]
          {{ if .Count }}yes{{ end }} => yes
          {{ if .Empty }}yes{{ else }}no{{ end }} => no
          {{ if .Missing }}yes{{ else if .Count }}count{{ else }}no{{ end }} => count
          {{ with .InvolvedObject }}{{ .Kind }}{{ end }} => Database
          {{ with .Empty }}x{{ else }}empty{{ end }} => empty
          {{ with .Missing }}x{{ else with .Reason }}{{ . }}{{ end }} => DriftDetected
          {{ range .InvolvedObject.Owners }}<{{ . }}>{{ end }} => <a><b><c>
          {{ range $i, $o := .InvolvedObject.Owners }}{{ $i }}{{ $o }}{{ end }} => 0a1b2c
          {{ range $k, $v := .InvolvedObject.Labels }}{{ $k }}={{ $v }},{{ end }} => team=shop,tier=gold,
          {{ range $v := .InvolvedObject.Labels }}{{ $v }}{{ end }} => shopgold
          {{ range .Missing }}x{{ else }}none{{ end }} => none
          {{ range .Items }}{{ print . }}{{ end }} => 1<nil>3
          {{ range 3 }}{{ . }}{{ end }} => 012
          {{ range $i, $o := .InvolvedObject.Owners }}{{ if eq $i 1 }}{{ continue }}{{ end }}{{ $o }}{{ end }} => ac
          {{ range .InvolvedObject.Owners }}{{ if eq . "b" }}{{ break }}{{ end }}{{ . }}{{ end }} => a
          {{ range .InvolvedObject.Owners }}{{ range $.InvolvedObject.Owners }}{{ . }}{{ end }}{{ end }} => abcabcabc
          {{ $n := 0 }}{{ range .InvolvedObject.Owners }}{{ $n = add $n 1 }}{{ end }}{{ $n }} => 3
          {{ .Reason | printf "%s!" | printf "[%s]" }} => [DriftDetected!]
          {{ printf "%d-%s" .Count (lower .Type) }} => 3-warning
          {{ (printf "%s" .Reason) }} => DriftDetected
          {{ (dict "a" (list 1 2)).a }} => [1 2]
          {{- "  trimmed  " -}} => "  trimmed  "
          "a \n {{- 1 -}} \n b" => a1b
          "a {{- /* note */ -}} b" => ab
          a{{/* note */}}b => ab
          {{ "a\\tb" }} => "a\tb"
          {{ `raw\\t` }} => raw\\t
          {{ 'x' }} {{ 0x10 }} {{ 0b11 }} {{ 0o7 }} {{ 1_000 }} {{ 2.5e3 }} => 120 16 3 7 1000 2500
          {{ true }} {{ false }} => true false
          {{ define "t" }}<{{ . }}>{{ end }}{{ template "t" .Count }} => <3>
          {{ define "t" }}{{ $ }}{{ end }}{{ template "t" "dot" }} => dot
          {{ template "b" .Reason }}{{ define "b" }}[{{ . }}]{{ end }} => [DriftDetected]
          {{ block "b" .Type }}({{ . }}){{ end }} => (Warning)
          """)
  void rendersConstructsLikeGo(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void interpretsDataMapsAsDataNotAsGoStructs() {
    // The Go exporter's struct would reject .Nope; over maps Go itself prints "<no value>".
    assertThat(render("{{ .Nope }}|{{ index .InvolvedObject.Labels \"nope\" }}"))
        .isEqualTo("<no value>|<no value>");
  }

  @Test
  void failsLikeGoWhenAFieldChainPassesThroughAPresentNil() {
    assertThatThrownBy(() -> render("{{ .Nothing.Field }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("nil pointer evaluating interface {}.Field");
    GoTemplate range = GoTemplate.parse("t", "{{ range .Items }}{{ .X }}{{ end }}");
    assertThatThrownBy(() -> range.execute(Map.of("Items", Arrays.asList((Object) null))))
        .hasMessageContaining("nil pointer evaluating interface {}.X");
  }

  @Test
  void rendersNullDataAsNoValue() {
    assertThat(GoTemplate.parse("t", "{{ . }} {{ .A.B }} {{ $ }}").execute(null))
        .isEqualTo("<no value> <no value> <no value>");
  }

  @Test
  void defineSeesOnlyItsOwnDot() {
    GoTemplate template =
        GoTemplate.parse(
            "t",
            "{{ $x := 1 }}{{ define \"inner\" }}{{ $ }}{{ end }}{{ template \"inner\" 2 }}{{ $x }}");

    assertThat(template.execute(EVENT)).isEqualTo("21");
    assertThat(template.definedTemplates()).containsExactly("inner");
  }

  @Test
  void isSafeToExecuteFromManyThreadsAtOnce() throws Exception {
    GoTemplate template =
        GoTemplate.parse(
            "shared",
            "{{ range $i, $x := .Items }}{{ $v := printf \"%v-%v\" $i $x }}{{ $v }};{{ end }}{{ .Id }}");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<String>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int id = i;
        calls.add(() -> template.execute(Map.of("Items", List.of("a", "b", id), "Id", id)));
      }
      List<Future<String>> results = pool.invokeAll(calls);
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo("0-a;1-b;2-" + i + ";" + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void executesTheSameTreeRepeatedly() {
    GoTemplate template = GoTemplate.parse("t", "{{ .A }}");

    assertThat(template.execute(Map.of("A", 1))).isEqualTo("1");
    assertThat(template.execute(Map.of("A", "two"))).isEqualTo("two");
    assertThat(template.name()).isEqualTo("t");
    assertThat(template.text()).isEqualTo("{{ .A }}");
  }
}
