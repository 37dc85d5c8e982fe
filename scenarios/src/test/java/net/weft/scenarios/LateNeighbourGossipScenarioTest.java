package net.weft.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A peer's deferred topology update (sent one second after its first local change) goes to neighbours chosen
 * from routes that include every connection made so far, as Weave's {@code ensureRecalculated} guarantees, even
 * when the last connection was added less than the 100 ms route-recalculation delay before the update is sent.
 * Otherwise that neighbour never hears that the connection is established on our side, has no symmetric route
 * through us, and waits for the 30 s periodic gossip (seen as a relayed path not resuming after a restart).
 */
class LateNeighbourGossipScenarioTest {

    /** When p3 joins (its connection to p2 arms p2's deferred update, due one second later). */
    static final int FIRST_JOIN_MS = 10_000;
    /** p4 joins this long after p3: the sweep crosses the last 100 ms before p2's deferred update. */
    static final int FIRST_GAP_MS = 800;
    static final int LAST_GAP_MS = 1_100;
    static final int GAP_STEP_MS = 10;
    static final long SEED = 3;

    @Test
    void a_neighbour_that_connects_just_before_our_deferred_update_gets_it_and_routes_through_us_at_once() {
        List<String> failures = new ArrayList<>();
        for (int gapMs = FIRST_GAP_MS; gapMs <= LAST_GAP_MS; gapMs += GAP_STEP_MS) {
            ScenarioResult r = new ScenarioRunner(ScenarioParser.parse(scenario(gapMs), "late-neighbour.yaml"), SEED)
                    .run();
            if (!r.passed()) {
                failures.add("p4 joining " + gapMs + " ms after p3:\n" + String.join("\n", r.render()));
            }
        }
        assertThat(failures).isEmpty();
    }

    /** p1 - p2 from the start; p3 joins at 10 s and p4 {@code gapMs} later, both linked to p2 only. */
    private static String scenario(int gapMs) {
        return String.join("\n",
                "name: late-neighbour",
                "peers: [p1, p2]",
                "links: [[p1, p2]]",
                "network: {latency: 1ms}",
                "events:",
                "  - {at: " + FIRST_JOIN_MS + "ms, join: {peer: p3, links: [p2]}}",
                "  - {at: " + (FIRST_JOIN_MS + gapMs) + "ms, join: {peer: p4, links: [p2]}}",
                "run-for: 14s",
                "expect:",
                "  - {next-hop: {at: p4, to: p1, via: p2, time: 13s}}",
                "  - {next-hop: {at: p1, to: p4, via: p2, time: 13s}}");
    }
}
