package io.dbprovision.exporter.checkpoint;

import static io.dbprovision.exporter.normalize.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbprovision.exporter.normalize.MutableClock;
import io.dbprovision.exporter.normalize.OccurrenceTracker;
import io.dbprovision.exporter.pipeline.Change;
import io.dbprovision.exporter.watch.InitialListing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckpointTest {
  private static final Instant NEWEST = Instant.parse("2026-01-01T10:00:00.400Z");
  private static final Checkpoint CHECKPOINT =
      new Checkpoint(Map.of("known", 3), NEWEST, Instant.parse("2026-01-01T10:00:02Z"));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T11:00:00Z"));

  @ParameterizedTest(name = "{0}, created {1}: {2}")
  @CsvSource({
    "known, 2026-01-01T09:00:00Z, RESUMED",
    "new, 2026-01-01T10:00:01Z, RESUMED",
    // Second precision: the same second as the newest processed one, yet not in the checkpoint.
    "new, 2026-01-01T10:00:00Z, RESUMED",
    "evicted-or-older, 2026-01-01T09:59:59Z, SEED",
  })
  void listedEventsAreResumedNewOrState(String uid, Instant created, Change.Type expected) {
    InitialListing listing = CheckpointListing.resumingFrom(Optional.of(CHECKPOINT), tracker());

    assertThat(listing.typeOf(event().uid(uid).created(created).build())).isEqualTo(expected);
  }

  @Test
  void resumingRestoresTheProcessedCountsSoOnlyTheRiseCounts() {
    OccurrenceTracker tracker = tracker();
    CheckpointListing.resumingFrom(Optional.of(CHECKPOINT), tracker);

    assertThat(tracker.resumed(event().uid("known").count(5).build())).isEqualTo(2);
    assertThat(tracker.resumed(event().uid("new").count(4).build())).isEqualTo(4);
  }

  @Test
  void withoutACheckpointListedEventsAreFirstSightAsInTheGoTool() {
    assertThat(CheckpointListing.resumingFrom(Optional.empty(), tracker()))
        .isSameAs(InitialListing.FIRST_SIGHT);
  }

  @Test
  void theConfigMapFormatRoundTrips() {
    Checkpoint decoded =
        ConfigMapCheckpointStore.decode(ConfigMapCheckpointStore.encode(CHECKPOINT));

    assertThat(decoded).isEqualTo(CHECKPOINT);
  }

  @Test
  void aDamagedCheckpointIsRejectedWithoutQuotingIt() {
    Map<String, String> data = new java.util.HashMap<>(ConfigMapCheckpointStore.encode(CHECKPOINT));
    data.put(ConfigMapCheckpointStore.COUNTS, "uid-without-count\n");

    assertThatThrownBy(() -> ConfigMapCheckpointStore.decode(data))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a count line without a count");
  }

  @Test
  void theRecorderWritesOnlyWhenSomethingChangedAndKeepsItsBound() {
    List<Checkpoint> written = new ArrayList<>();
    CheckpointStore store =
        new CheckpointStore() {
          @Override
          public Optional<Checkpoint> read() {
            return Optional.empty();
          }

          @Override
          public void write(Checkpoint checkpoint) {
            written.add(checkpoint);
          }
        };
    CheckpointRecorder recorder = new CheckpointRecorder(store, clock, 2, null);

    assertThat(recorder.flush()).isFalse();
    recorder.counted(event().uid("a").created(NEWEST).build(), 1);
    recorder.counted(event().uid("b").build(), 2);
    recorder.counted(event().uid("c").build(), 3);
    assertThat(recorder.flush()).isTrue();
    recorder.counted(event().uid("c").build(), 3);
    assertThat(recorder.flush()).isFalse();
    clock.advance(Duration.ofSeconds(5));
    recorder.forgotten("b");
    recorder.close();

    assertThat(written).hasSize(2);
    assertThat(written.get(0).counts()).isEqualTo(Map.of("b", 2, "c", 3));
    assertThat(written.get(0).newestCreated()).isEqualTo(NEWEST);
    assertThat(written.get(1).counts()).isEqualTo(Map.of("c", 3));
    assertThat(written.get(1).writtenAt()).isEqualTo(clock.instant());
  }

  private OccurrenceTracker tracker() {
    return new OccurrenceTracker(100, Duration.ofSeconds(5), clock);
  }
}
