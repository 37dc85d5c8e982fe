package net.weft.daemon.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptThrottleTest {

    @Test
    void a_burst_of_twenty_accepts_passes_then_the_next_waits_for_a_token() {
        AcceptThrottle t = new AcceptThrottle();
        for (int i = 0; i < AcceptThrottle.MAX_TOKENS; i++) {
            assertThat(t.take(0)).as("accept %d", i).isZero();
        }

        assertThat(t.take(10_000_000L)).isEqualTo(AcceptThrottle.TOKEN_INTERVAL_NS - 10_000_000L);
        assertThat(t.take(AcceptThrottle.TOKEN_INTERVAL_NS)).isZero();
        assertThat(t.take(AcceptThrottle.TOKEN_INTERVAL_NS)).isPositive();
    }

    @Test
    void tokens_refill_at_one_per_interval_up_to_the_burst_size() {
        AcceptThrottle t = new AcceptThrottle();
        for (int i = 0; i < AcceptThrottle.MAX_TOKENS; i++) {
            t.take(0);
        }

        assertThat(t.available(5 * AcceptThrottle.TOKEN_INTERVAL_NS)).isEqualTo(5);
        assertThat(t.available(1_000 * AcceptThrottle.TOKEN_INTERVAL_NS)).isEqualTo(AcceptThrottle.MAX_TOKENS);
    }
}
