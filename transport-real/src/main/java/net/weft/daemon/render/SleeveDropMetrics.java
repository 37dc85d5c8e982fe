package net.weft.daemon.render;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The router core counts every encrypted sleeve datagram it drops under a per-sender key,
 * {@code <family>:<peer>} (for example {@code sleeve_replays:aa:00:00:00:00:01}). This turns those keys into
 * one labelled Prometheus counter family per kind, {@code weft_sleeve_<family>_total{peer="..."}}. Peer names
 * contain colons themselves, so a key splits at its first colon.
 *
 * @param family the core's counter family, the part of the key before the first colon
 * @param metric the exported metric name
 * @param help   the HELP text
 */
record SleeveDropMetrics(String family, String metric, String help) {

    /** Every kind of drop the core counts per peer, in the order the families are exported. */
    static final List<SleeveDropMetrics> ALL = List.of(
            new SleeveDropMetrics("sleeve_decrypt_failures", "weft_sleeve_decrypt_failures_total",
                    "Encrypted sleeve datagrams that failed authentication, by sending peer."),
            new SleeveDropMetrics("sleeve_replays", "weft_sleeve_replays_total",
                    "Encrypted sleeve datagrams dropped as replays of an accepted sequence number, by sending peer."),
            new SleeveDropMetrics("sleeve_too_old", "weft_sleeve_too_old_total",
                    "Encrypted sleeve datagrams dropped as older than the replay window, by sending peer."),
            new SleeveDropMetrics("sleeve_malformed", "weft_sleeve_malformed_total",
                    "Datagrams too short to be sealed from a peer whose sleeve is encrypted, by sending peer."));

    /** This kind's counts by peer, taken from the core's counters; empty when the core has none. */
    SortedMap<String, Long> byPeer(Map<String, Long> coreCounters) {
        SortedMap<String, Long> out = new TreeMap<>();
        coreCounters.forEach((key, value) -> {
            int colon = key.indexOf(':');
            if (colon > 0 && key.substring(0, colon).equals(family)) {
                out.put(key.substring(colon + 1), value);
            }
        });
        return out;
    }

    /** Whether {@code key} is a per-peer counter of some kind exported here (and so not among the core events). */
    static boolean isPerPeerDrop(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        String family = key.substring(0, colon);
        return ALL.stream().anyMatch(m -> m.family.equals(family));
    }
}
