package vn.motcua.intake.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void aBurstThenOneTokenPerRefillInterval() {
        TokenBuckets buckets = new TokenBuckets(3, 20, 100);   // one token every 3 s
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a", 0)).isEmpty();
        }
        assertThat(buckets.take("a", 0)).contains(Duration.ofSeconds(3));
        assertThat(buckets.take("a", 2 * SECOND)).hasValueSatisfying(wait -> assertThat(wait).isPositive());
        assertThat(buckets.take("a", 3 * SECOND)).isEmpty();
        assertThat(buckets.take("a", 3 * SECOND)).isPresent();
    }

    @Test
    void eachAddressHasItsOwnBucket() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100);
        assertThat(buckets.take("a", 0)).isEmpty();
        assertThat(buckets.take("a", 0)).isPresent();
        assertThat(buckets.take("b", 0)).isEmpty();
    }

    @Test
    void aFullBucketDoesNotGrowBeyondTheBurst() {
        TokenBuckets buckets = new TokenBuckets(2, 60, 100);
        assertThat(buckets.take("a", 0)).isEmpty();
        long hourLater = Duration.ofHours(1).toNanos();
        assertThat(buckets.take("a", hourLater)).isEmpty();
        assertThat(buckets.take("a", hourLater)).isEmpty();
        assertThat(buckets.take("a", hourLater)).isPresent();
    }

    @Test
    void theMapIsBoundedAndForgetsTheLeastRecentlySeen() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 2);
        buckets.take("a", 0);
        buckets.take("b", 0);
        buckets.take("a", 0);          // a seen again: b is now the least recent
        buckets.take("c", 0);
        assertThat(buckets.size()).isEqualTo(2);
        assertThat(buckets.take("a", 0)).as("a kept, still empty").isPresent();
        assertThat(buckets.take("b", 0)).as("b forgotten, a full bucket again").isEmpty();
    }
}
