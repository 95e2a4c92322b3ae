package io.dbprovision.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvExpansionTest {
  private static final Map<String, String> ENV =
      Map.of(
          "CLUSTER", "prod",
          "REGION", "eu",
          "INJECTION", "x\nomitLookup: true\n# ",
          "AGE", "42",
          "EMPTY", "");

  private static ExporterConfig load(String yaml) throws InvalidConfigException {
    return new ConfigLoader(ENV::get, false).parse(yaml, "test.yaml").config();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          ${CLUSTER}                | prod
          ${CLUSTER}-${REGION}      | prod-eu
          cost: $$5                 | cost: $5
          $${CLUSTER}               | ${CLUSTER}
          Failed$                   | Failed$
          $CLUSTER                  | $CLUSTER
          a${EMPTY}b                | ab
          """)
  void expandsVariablesInsideScalarValues(String written, String expanded) throws Exception {
    assertThat(load("clusterName: '" + written + "'").clusterName()).isEqualTo(expanded);
  }

  @Test
  void expandsNumbersAndRuleFieldsAfterParsing() throws Exception {
    ExporterConfig config =
        load(
            """
            maxEventAgeSeconds: ${AGE}
            route:
              match:
                - namespace: "${CLUSTER}-.*"
            """);

    assertThat(config.maxEventAgeSeconds()).isEqualTo(42);
    assertThat(config.route().match().get(0).namespace()).isEqualTo("prod-.*");
  }

  @Test
  void aValueCannotInjectConfiguration() throws Exception {
    ExporterConfig config = load("clusterName: ${INJECTION}");

    assertThat(config.clusterName()).isEqualTo("x\nomitLookup: true\n# ");
    assertThat(config.omitLookup()).isFalse();
  }

  @Test
  void anUndefinedVariableIsAnErrorNamingIt() {
    InvalidConfigException e =
        catchThrowableOfType(
            InvalidConfigException.class,
            () ->
                load(
                    """
                    clusterName: ${NOPE}
                    receivers:
                      - name: s
                        slack: {token: "${SLACK_TOKEN}", channel: c}
                    route: {match: [{receiver: s}]}
                    """));

    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .containsExactlyInAnyOrder(
            "clusterName: undefined environment variable NOPE",
            "receivers[0].slack.token: undefined environment variable SLACK_TOKEN");
  }

  @Test
  void aMalformedReferenceIsAnError() {
    InvalidConfigException e =
        catchThrowableOfType(InvalidConfigException.class, () -> load("clusterName: 'a${CLUSTER'"));

    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "clusterName: malformed variable reference at offset 1 (expected ${NAME}; $$ for $)");
  }
}
