package io.dbprovision.exporter.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The other half of conformance: templates that real Go refuses (see {@link HelmOracle}) are
 * refused by ours as well, so a config that passes our validation is not silently broken in Go's
 * reading, and the reverse. Each template needs its own Helm call, as one error stops a render.
 */
class GoTemplateRejectionConformanceTest {
  private static final Map<String, Object> EVENT = TemplateCorpus.events().get(0).data();

  static List<TemplateCorpus.Entry> rejected() {
    return TemplateCorpus.rejected();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void refusesWhatGoRefuses(TemplateCorpus.Entry entry, @TempDir Path directory) throws Exception {
    HelmOracle oracle = new HelmOracle(directory, List.of(entry));

    assertThatThrownBy(() -> oracle.render(EVENT))
        .as("Go refuses %s", entry)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("_" + entry.id() + ".tpl");
    assertThatThrownBy(() -> GoTemplate.parse(entry.id(), entry.text()).execute(EVENT))
        .as("we refuse %s", entry)
        .isInstanceOf(TemplateException.class);
  }

  @Test
  void coversParseAndExecutionErrors() {
    assertThat(rejected()).hasSizeGreaterThanOrEqualTo(25);
  }
}
