package vn.motcua.e2e.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FreshnessTest {

    private static final long MS = 1_000_000;

    @Test
    void the_kth_acknowledged_dossier_is_counted_at_the_first_reading_that_reaches_k() {
        long[] acks = {100 * MS, 110 * MS, 120 * MS, 130 * MS};
        List<CountSampler.Sample> readings = List.of(
                new CountSampler.Sample(105 * MS, 50),   // the count before the load: 50
                new CountSampler.Sample(150 * MS, 52),   // 1st and 2nd: 50 and 40 ms
                new CountSampler.Sample(400 * MS, 53),   // 3rd: 280 ms
                new CountSampler.Sample(900 * MS, 54));  // 4th: 770 ms

        Freshness freshness = Freshness.of(acks, 50, readings);

        assertThat(freshness.p50Nanos()).isEqualTo(50 * MS);
        assertThat(freshness.p99Nanos()).isEqualTo(770 * MS);
        assertThat(freshness.maxNanos()).isEqualTo(770 * MS);
        assertThat(freshness.uncounted()).isZero();
    }

    @Test
    void a_count_that_raced_ahead_of_the_201_is_as_fresh_as_can_be_and_one_never_reached_is_uncounted() {
        long[] acks = {100 * MS, 200 * MS};
        List<CountSampler.Sample> readings = List.of(new CountSampler.Sample(90 * MS, 11));

        Freshness freshness = Freshness.of(acks, 10, readings);

        assertThat(freshness.p50Nanos()).isZero();
        assertThat(freshness.maxNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(freshness.uncounted()).isEqualTo(1);
        assertThat(Freshness.format(freshness.maxNanos(), 45_000 * MS)).isEqualTo("> 45.0 s (not counted yet)");
    }
}
