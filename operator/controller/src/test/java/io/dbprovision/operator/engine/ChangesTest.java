package io.dbprovision.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.operator.model.DriftReport.Difference;
import io.dbprovision.operator.model.Enforcement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangesTest {
  final List<String> executed = new ArrayList<>();
  final Difference limit = Difference.of("connectionLimit", 5, 7);
  final Difference superuser = Difference.of("superuser", false, true).asDestructive();
  final Difference encoding = Difference.of("encoding", "UTF8", "LATIN1").asImmutable();

  Outcome run(Enforcement enforcement) throws EngineException {
    Changes changes = new Changes(enforcement);
    changes.differ(limit, "set limit", () -> executed.add("limit"));
    changes.differ(superuser, "drop superuser", () -> executed.add("superuser"));
    changes.differ(encoding, "", () -> executed.add("encoding"));
    return changes.outcome();
  }

  @Test
  void aChangedSpecIsAnUpdateNotDriftExceptForImmutableFields() throws Exception {
    Outcome outcome = run(Enforcement.apply());

    assertThat(executed).containsExactly("limit", "superuser");
    assertThat(outcome.change()).isEqualTo(Outcome.Change.UPDATED);
    assertThat(outcome.actions()).containsExactly("set limit", "drop superuser");
    assertThat(outcome.drift().differences()).containsExactly(encoding);
    assertThat(outcome.drift().corrected()).isEmpty();
  }

  @Test
  void detectReportsEverythingAndChangesNothing() throws Exception {
    Outcome outcome = run(Enforcement.detect());

    assertThat(executed).isEmpty();
    assertThat(outcome.change()).isEqualTo(Outcome.Change.NOOP);
    assertThat(outcome.drift().differences()).containsExactly(limit, superuser, encoding);
  }

  @Test
  void correctRepairsOnlyNonDestructiveDriftUnlessAllowed() throws Exception {
    Outcome gentle = run(Enforcement.correct(false));

    assertThat(executed).containsExactly("limit");
    assertThat(gentle.drift().corrected()).containsExactly(limit);
    assertThat(gentle.drift().remaining()).containsExactly(superuser, encoding);

    executed.clear();
    Outcome forced = run(Enforcement.correct(true));

    assertThat(executed).containsExactly("limit", "superuser");
    assertThat(forced.drift().remaining()).containsExactly(encoding);
  }

  @Test
  void statusListsOnlyWhatRemainsDifferent() throws Exception {
    var status = run(Enforcement.correct(false)).drift().toStatus(java.time.Instant.EPOCH);

    assertThat(status.getDetected()).isTrue();
    assertThat(status.getLastChecked()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(status.getDiffs())
        .extracting(d -> d.getField(), d -> d.getDestructive(), d -> d.getImmutable())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("superuser", true, null),
            org.assertj.core.groups.Tuple.tuple("encoding", null, true));
  }

  @Test
  void ignoreNeitherComparesNorChanges() throws Exception {
    Outcome outcome = run(Enforcement.ignore());

    assertThat(executed).isEmpty();
    assertThat(outcome).isEqualTo(Outcome.noop());
  }

  @Test
  void aCreationRunsEveryFollowingStepAsPartOfIt() throws Exception {
    Changes changes = new Changes(Enforcement.ignore());
    changes.create("created database", () -> executed.add("create"));
    changes.differ(
        Difference.of("schemas.missing", "app", ""),
        "created schema",
        () -> executed.add("schema"));

    Outcome outcome = changes.outcome();

    assertThat(executed).containsExactly("create", "schema");
    assertThat(outcome.change()).isEqualTo(Outcome.Change.CREATED);
    assertThat(outcome.drift().detected()).isFalse();
  }
}
