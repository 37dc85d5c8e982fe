package net.weft.scenarios;

import java.util.List;
import java.util.Map;
import net.weft.sim.LinkParams;

/**
 * A parsed, validated scenario: who exists, how the underlay links them, what happens when, and what must
 * hold. See docs/scenarios.md for the file format.
 *
 * @param name         the scenario's name
 * @param file         where it came from (for messages), or a label
 * @param seed         the seed written in the file, or null (then 1 unless {@code --seed} is given)
 * @param peers        peer names in launch order
 * @param links        how peers are linked
 * @param network      link behaviour
 * @param timings      router timing overrides, by kebab-case name ({@code backoff-max}) in nanoseconds
 * @param discovery    whether routers dial peers they learn from the topology (Weave's default: true)
 * @param containers   containers by peer, in file order
 * @param events       timed events, ordered by time (stable)
 * @param runForNs     how long to run
 * @param expectations what must hold
 * @param password     the shared secret every peer runs with ({@code password:}), or empty for none
 * @param passwords    per-peer overrides of {@code password} ({@code passwords: {p3: other}}), in file order
 */
public record Scenario(String name, String file, Long seed, List<String> peers, LinkSpec links, LinkParams network,
        Map<String, Long> timings, boolean discovery, Map<String, List<String>> containers, List<ScenarioEvent> events,
        long runForNs, List<Expectation> expectations, String password, Map<String, String> passwords) {

    /** Defensive copies. */
    public Scenario {
        password = password == null ? "" : password;
        passwords = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(passwords));
        peers = List.copyOf(peers);
        timings = Map.copyOf(timings);
        containers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(containers));
        events = List.copyOf(events);
        expectations = List.copyOf(expectations);
    }

    /** A scenario without encryption (every peer runs without a password). */
    public Scenario(String name, String file, Long seed, List<String> peers, LinkSpec links, LinkParams network,
            Map<String, Long> timings, boolean discovery, Map<String, List<String>> containers,
            List<ScenarioEvent> events, long runForNs, List<Expectation> expectations) {
        this(name, file, seed, peers, links, network, timings, discovery, containers, events, runForNs, expectations,
                "", Map.of());
    }

    /** The password peer {@code peer} runs with: its override, else the scenario's ("" for none). */
    public String passwordOf(String peer) {
        return passwords.getOrDefault(peer, password);
    }

    /** The seed to run with: {@code override} when given, else the file's, else 1. */
    public long seedOr(Long override) {
        return override != null ? override : seed != null ? seed : 1L;
    }

    /** Same scenario with other expectations. */
    public Scenario withExpectations(List<Expectation> newExpectations) {
        return new Scenario(name, file, seed, peers, links, network, timings, discovery, containers, events, runForNs,
                newExpectations, password, passwords);
    }

    /** Same scenario with other events (used when shrinking fault scripts). */
    public Scenario withEvents(List<ScenarioEvent> newEvents) {
        return new Scenario(name, file, seed, peers, links, network, timings, discovery, containers, newEvents,
                runForNs, expectations, password, passwords);
    }
}
