package net.weft.core.topology;

import java.util.HashMap;
import java.util.Map;
import net.weft.core.id.PeerName;
import net.weft.core.wire.ScannedPeer;

/**
 * Entries decoded from topology gossip, kept so that the next table receiving the same bytes reuses the
 * instance instead of decoding and storing its own copy. A simulation gives one pool to all its routers: each
 * version of each peer's entry is then decoded once and held once, however many routers store it, which is
 * what lets thousands of routers, each holding the whole topology, fit in one process.
 *
 * <p>An entry is reused only when the payload holds exactly its encoding under exactly our type definitions
 * ({@link ScannedPeer#sameAs}), so it equals what decoding would have produced: the pool cannot change any
 * outcome, only save work and memory. It keeps the {@value #VERSIONS_PER_PEER} entries last offered per name
 * (older ones fall out, and are decoded again if they turn up). Not thread-safe: share a pool only among
 * tables used from one thread, as the simulator's are.
 */
public final class PeerEntryPool {

    /** Entries remembered per peer name, at most; the oldest offered falls out first. */
    public static final int VERSIONS_PER_PEER = 4;

    private final Map<PeerName, Slots> byName = new HashMap<>();
    private final Map<PeerName, PeerEntry> placeholders = new HashMap<>();

    /** The slots of one name: a ring of the last entries offered. */
    private static final class Slots {
        final PeerEntry[] entries = new PeerEntry[VERSIONS_PER_PEER];
        int next;
    }

    /** An entry of the pool whose encoding {@code scanned} holds, or null. */
    public PeerEntry find(ScannedPeer scanned) {
        Slots slots = byName.get(scanned.name());
        if (slots == null) {
            return null;
        }
        for (PeerEntry e : slots.entries) {
            if (e != null && scanned.sameAs(e.encoded())) {
                return e;
            }
        }
        return null;
    }

    /** Remembers {@code entry} for later {@link #find}s, unless an equal one is remembered already. */
    public void offer(PeerEntry entry) {
        Slots slots = byName.computeIfAbsent(entry.name(), n -> new Slots());
        for (PeerEntry e : slots.entries) {
            if (e != null && e.version() == entry.version() && e.equals(entry)) {
                return;
            }
        }
        slots.entries[slots.next] = entry;
        slots.next = (slots.next + 1) % VERSIONS_PER_PEER;
    }

    /**
     * The placeholder of {@code name} (Weave's record of a peer known only from someone's connection list),
     * one instance per name for all tables: at 10,000 peers every table holds thousands of placeholders while
     * gossip is spreading.
     */
    public PeerEntry placeholder(PeerName name) {
        return placeholders.computeIfAbsent(name, PeerEntry::placeholder);
    }

    /** How many names the pool holds entries for. */
    public int names() {
        return byName.size();
    }
}
