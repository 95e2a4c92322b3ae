package io.dbprovision.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.dbprovision.rules.PromqlSelectors.Matcher;
import io.dbprovision.rules.PromqlSelectors.Scan;
import io.dbprovision.rules.PromqlSelectors.Selector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scanner the reference checks rely on: if it missed a selector, nothing would be checked. */
class PromqlSelectorsTest {

  @Test
  void findsSelectorsInsideFunctionsAggregationsAndBinaryOperators() {
    Scan scan =
        PromqlSelectors.scan(
            """
            increase(dbprovision_events_total{reason=~"CreateFailed|ApplyFailed"}[15m]) > 0
            unless on (namespace, involved_object_name)
            sum by (kind) (dbprovision_reconcile_total offset 15m) / up
            """);

    assertThat(scan.selectors())
        .extracting(Selector::metric, Selector::function)
        .containsExactly(
            tuple("dbprovision_events_total", "increase"),
            tuple("dbprovision_reconcile_total", "sum"),
            tuple("up", null));
    assertThat(scan.selectors().get(0).matchers())
        .containsExactly(new Matcher("reason", "=~", "CreateFailed|ApplyFailed"));
    assertThat(scan.groupingLabels()).containsExactly("namespace", "involved_object_name", "kind");
  }

  @Test
  void readsPrefixAndPostfixGroupingAndKeepsRecordedSeriesNames() {
    Scan scan =
        PromqlSelectors.scan(
            "histogram_quantile(0.95, sum by (le, receiver) (rate(x_bucket{a=\"1\"}[$__rate_interval])))"
                + " > bool 1.5 * max_over_time(dbprovision:backup_interval_seconds:avg7d[30d])"
                + " or count(y) without (pod) * on () group_left vector(0)");

    assertThat(scan.selectors())
        .extracting(Selector::metric)
        .containsExactly("x_bucket", "dbprovision:backup_interval_seconds:avg7d", "y");
    assertThat(scan.selectors().get(0).function()).isEqualTo("rate");
    assertThat(scan.groupingLabels()).containsExactly("le", "receiver", "pod");
  }

  @Test
  void ignoresWhatIsInsideStringsAndComments() {
    Scan scan =
        PromqlSelectors.scan(
            "# not_a_metric{x=\"y\"}\n"
                + "label_replace(m{l=\"a}b\"}, \"dst\", \"$1\", \"src\", \"(not_a_metric.*)\")");

    assertThat(scan.selectors()).extracting(Selector::metric).containsExactly("m");
    assertThat(scan.selectors().get(0).matchers()).containsExactly(new Matcher("l", "=", "a}b"));
  }

  @Test
  void namesLiteralValuesOnlyForEqualityAndPlainAlternatives() {
    assertThat(new Matcher("reason", "=", "Failed").literalValues()).containsExactly("Failed");
    assertThat(new Matcher("reason", "!=", "Failed").literalValues()).containsExactly("Failed");
    assertThat(new Matcher("reason", "=~", "Failed|DeadlineExceeded").literalValues())
        .containsExactly("Failed", "DeadlineExceeded");
    assertThat(new Matcher("reason", "=~", ".*Failed").literalValues()).isEmpty();
    assertThat(new Matcher("reason", "=~", ".*").literalValues()).isEmpty();
  }

  @Test
  void selectorsWithoutAMetricNameAreFoundToo() {
    List<Selector> selectors = PromqlSelectors.scan("{__name__=\"up\", job=\"x\"}").selectors();

    assertThat(selectors).extracting(Selector::metric).containsExactly("up");
  }

  @Test
  void rejectsWhatItCannotRead() {
    assertThatThrownBy(() -> PromqlSelectors.scan("m{reason=}"))
        .hasMessageContaining("label matchers");
    assertThatThrownBy(() -> PromqlSelectors.scan("m{reason=\"x}"))
        .hasMessageContaining("unterminated");
  }
}
