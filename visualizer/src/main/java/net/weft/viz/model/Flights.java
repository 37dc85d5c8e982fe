package net.weft.viz.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.weft.core.id.PeerName;

/**
 * Messages drawn moving along edges. A pulse that left at {@code t0} is drawn at fraction
 * {@code (now - t0) / travel} of the way from sender to receiver while that is below 1. When more are in the
 * air than can be drawn, they are aggregated: one marker per direction of an edge and kind, carrying the
 * count (drawn bigger).
 */
public final class Flights {

    /** Individual markers drawn at most; more are aggregated per edge direction. */
    public static final int MAX_INDIVIDUAL = 300;

    private Flights() {
    }

    /**
     * One marker.
     *
     * @param fraction how far along from {@code from} to {@code to}, 0 to 1
     * @param count    how many messages it stands for
     */
    public record Flight(PeerName from, PeerName to, Pulse.Kind kind, double fraction, int count) { }

    private record Key(PeerName from, PeerName to, Pulse.Kind kind) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = from.compareTo(o.from);
            c = c != 0 ? c : to.compareTo(o.to);
            return c != 0 ? c : kind.compareTo(o.kind);
        }
    }

    /** Markers at time {@code nowNs} for pulses travelling {@code travelNs} each. */
    public static List<Flight> at(Recording r, long nowNs, long travelNs, int maxIndividual) {
        List<Pulse> air = r.pulsesIn(nowNs - travelNs, nowNs);
        List<Flight> out = new ArrayList<>();
        if (air.size() <= maxIndividual) {
            for (Pulse p : air) {
                out.add(new Flight(p.from(), p.to(), p.kind(), fraction(p, nowNs, travelNs), 1));
            }
            return out;
        }
        Map<Key, int[]> counts = new TreeMap<>();
        Map<Key, Long> latest = new TreeMap<>();
        for (Pulse p : air) {
            Key k = new Key(p.from(), p.to(), p.kind());
            counts.computeIfAbsent(k, x -> new int[1])[0]++;
            latest.put(k, p.atNs());
        }
        for (Map.Entry<Key, int[]> e : counts.entrySet()) {
            Key k = e.getKey();
            double f = Math.min(1, Math.max(0, (double) (nowNs - latest.get(k)) / travelNs));
            out.add(new Flight(k.from(), k.to(), k.kind(), 0.5 * f + 0.25, e.getValue()[0]));
        }
        return out;
    }

    private static double fraction(Pulse p, long nowNs, long travelNs) {
        return travelNs <= 0 ? 1 : Math.min(1, Math.max(0, (double) (nowNs - p.atNs()) / travelNs));
    }
}
