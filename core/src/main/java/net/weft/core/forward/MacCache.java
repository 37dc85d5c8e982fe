package net.weft.core.forward;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;
import net.weft.core.view.MacView;

/**
 * Which peer each Ethernet address sits behind, as learned from frame source addresses (Weave's
 * {@code mac_cache.go}).
 *
 * <p>Locally captured frames teach {@code mac -> self} through {@link #add}, which never overrides another
 * peer's entry (a conflict means we probably re-captured a frame we injected). Frames from peers teach
 * {@code mac -> capturing peer} through {@link #addForced}, which does override, so a container that
 * moved is followed. Entries not seen for {@code maxAgeNs} are removed by {@link #expire}; to keep the
 * per-frame cost down a hit refreshes the last-seen time at most once per {@code maxAgeNs / 10}.
 *
 * <p>The cache is bounded by {@link #maxEntries()}. When it is full a new MAC is refused (counted in
 * {@link #refusedCount()}) and existing entries stay untouched: evicting live entries would let a flood of
 * forged source addresses push out real ones. The frame itself is still forwarded; an unknown destination
 * is simply broadcast, as for any unlearned MAC. Space returns when {@link #expire} removes old entries.
 *
 * <p>The internal map is keyed by MAC; iteration order never decides an output ({@link #view} sorts).
 */
public final class MacCache {

    /** Default bound on stored MACs: far beyond any real container count, small enough to stay cheap. */
    public static final int MAX_ENTRIES = 65_536;
    /** Entries are refreshed at most once per {@code maxAge / REFRESH_DIVISOR}, also the sweep period. */
    public static final int REFRESH_DIVISOR = 10;

    private final long maxAgeNs;
    private final long refreshIntervalNs;
    private final int maxEntries;
    private final Map<MacAddress, Entry> entries = new HashMap<>();
    private long refusedCount;
    private long version;

    /** A cache with Weave's behaviour and the default bound {@link #MAX_ENTRIES}. */
    public MacCache(long maxAgeNs) {
        this(maxAgeNs, MAX_ENTRIES);
    }

    /** A cache with an explicit bound, for tests and small simulated peers. */
    public MacCache(long maxAgeNs, int maxEntries) {
        if (maxAgeNs <= 0) {
            throw new IllegalArgumentException("maxAgeNs must be positive: " + maxAgeNs);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        this.maxAgeNs = maxAgeNs;
        this.refreshIntervalNs = maxAgeNs / REFRESH_DIVISOR;
        this.maxEntries = maxEntries;
    }

    /**
     * Learns a MAC seen as the source of a locally captured frame. Inserts it when new; when another peer
     * owns it, reports the conflict and changes nothing.
     */
    public AddResult add(MacAddress mac, PeerName owner, long nowNs) {
        Entry e = entries.get(mac);
        if (e == null) {
            return insert(mac, owner, nowNs) ? AddResult.LEARNED : AddResult.FULL;
        }
        if (!e.owner.equals(owner)) {
            return new AddResult.Conflict(e.owner);
        }
        refresh(e, nowNs);
        return AddResult.KNOWN;
    }

    /**
     * Learns a MAC seen as the source of a frame a peer captured, overriding any previous owner.
     *
     * @return the previous owner when the MAC moved from another peer, else empty (also when refused
     *         because the cache is full)
     */
    public Optional<PeerName> addForced(MacAddress mac, PeerName owner, long nowNs) {
        Entry e = entries.get(mac);
        if (e == null) {
            insert(mac, owner, nowNs);
            return Optional.empty();
        }
        if (e.owner.equals(owner)) {
            refresh(e, nowNs);
            return Optional.empty();
        }
        PeerName previous = e.owner;
        e.owner = owner;
        e.lastSeenNs = nowNs;
        version++;
        return Optional.of(previous);
    }

    /**
     * Refreshes a MAC another part of the host saw behind {@code owner} (the fast path's sightings), only
     * while that is still what the cache says: a sighting reported late never undoes a move learned since,
     * and never re-creates an expired entry (the next frame then takes the learning path again).
     *
     * @return true when the entry exists with that owner
     */
    public boolean touch(MacAddress mac, PeerName owner, long nowNs) {
        Entry e = entries.get(mac);
        if (e == null || !e.owner.equals(owner)) {
            return false;
        }
        refresh(e, nowNs);
        return true;
    }

    /**
     * A number that changes whenever a MAC is added, moves to another peer or is removed (not on refreshes),
     * so a published copy of the owners can tell cheaply whether it is stale.
     */
    public long version() {
        return version;
    }

    /** The peer a MAC was last seen behind, if known. */
    public Optional<PeerName> lookup(MacAddress mac) {
        Entry e = entries.get(mac);
        return e == null ? Optional.empty() : Optional.of(e.owner);
    }

    /** Removes entries not seen for more than {@code maxAgeNs}; returns how many were removed. */
    public int expire(long nowNs) {
        int removed = 0;
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            if (nowNs - it.next().lastSeenNs > maxAgeNs) {
                it.remove();
                removed++;
            }
        }
        if (removed > 0) {
            version++;
        }
        return removed;
    }

    /** Forgets every MAC behind a peer (called when the peer is removed from the topology). */
    public int removePeer(PeerName peer) {
        int before = entries.size();
        entries.values().removeIf(e -> e.owner.equals(peer));
        if (entries.size() != before) {
            version++;
        }
        return before - entries.size();
    }

    /** All entries, sorted by MAC, for status output and the viewer. */
    public List<MacView> view() {
        List<MacView> out = new ArrayList<>(entries.size());
        for (Map.Entry<MacAddress, Entry> e : entries.entrySet()) {
            out.add(new MacView(e.getKey(), e.getValue().owner, e.getValue().lastSeenNs));
        }
        out.sort((a, b) -> a.mac().compareTo(b.mac()));
        return out;
    }

    /** How often the host should call {@link #expire}: {@code maxAgeNs / 10}, one minute with Weave's age. */
    public long expiryIntervalNs() {
        return refreshIntervalNs;
    }

    /** The bound on stored MACs. */
    public int maxEntries() {
        return maxEntries;
    }

    /** How many MACs are stored. */
    public int size() {
        return entries.size();
    }

    /** How many new MACs were refused because the cache was full, since creation. */
    public long refusedCount() {
        return refusedCount;
    }

    private boolean insert(MacAddress mac, PeerName owner, long nowNs) {
        if (entries.size() >= maxEntries) {
            refusedCount++;
            return false;
        }
        entries.put(mac, new Entry(owner, nowNs));
        version++;
        return true;
    }

    private void refresh(Entry e, long nowNs) {
        if (nowNs - e.lastSeenNs >= refreshIntervalNs) {
            e.lastSeenNs = nowNs;
        }
    }

    /** Mutable so that a refresh does not allocate. */
    private static final class Entry {
        private PeerName owner;
        private long lastSeenNs;

        private Entry(PeerName owner, long lastSeenNs) {
            this.owner = owner;
            this.lastSeenNs = lastSeenNs;
        }
    }
}
