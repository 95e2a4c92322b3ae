package io.dbprovision.exporter.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  @Test
  void aFullBucketLetsABurstThroughThenSpacesRequestsAtTheRate() {
    TokenBucket bucket = new TokenBucket(5, 3, now::get);

    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isZero();
    assertThat(millis(bucket.take())).as("the 4th waits for the next token").isEqualTo(200);
    assertThat(millis(bucket.take())).as("and the 5th for the one after").isEqualTo(400);
  }

  @Test
  void tokensComeBackAtTheRateUpToTheBurst() {
    TokenBucket bucket = new TokenBucket(10, 2, now::get);
    bucket.take();
    bucket.take();

    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
    assertThat(bucket.take()).as("one token back after 100 ms at 10/s").isZero();
    assertThat(millis(bucket.take())).isEqualTo(100);

    now.addAndGet(TimeUnit.SECONDS.toNanos(60));
    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).as("a long pause refills only up to the burst").isPositive();
  }

  @Test
  void aFractionalRateWorks() {
    TokenBucket bucket = new TokenBucket(0.5, 1, now::get);
    bucket.take();

    assertThat(millis(bucket.take())).isEqualTo(2000);
  }

  @Test
  void rejectsLimitsThatCannotWork() {
    assertThatThrownBy(() -> new TokenBucket(0, 1, now::get))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(5, 0, now::get))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
