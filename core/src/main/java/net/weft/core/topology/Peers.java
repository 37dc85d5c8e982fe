package net.weft.core.topology;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.wire.ConnectionSummary;
import net.weft.core.wire.EncodedPeer;
import net.weft.core.wire.ParseResult;
import net.weft.core.wire.PeerSummary;
import net.weft.core.wire.ScannedPeer;
import net.weft.core.wire.TopologyCodec;
import net.weft.core.wire.TopologyScan;

/**
 * The peer table one router keeps: our own entry, which only we change, and what gossip told us about every
 * other peer. Deterministic and single-threaded: the router owns it and calls it from its step function.
 *
 * <p>Our entry starts at version 0 and each change to our own connections bumps it by one, so that peers which
 * hear of the change prefer it to what they knew. Other entries change only through {@link #applyUpdate}, which
 * applies Weave's merge order, and leave only through {@link #garbageCollect}, which removes peers that are
 * unreachable and that no local connection or handshake holds a reference to.
 */
public final class Peers {

    /** The reason a discovered connection gives when its remote is not in the table (Weave's wording). */
    public static final String UNKNOWN_REMOTE = "Found unknown remote name: ";
    /** Our own entry always holds this many references, so it is never collected. */
    private static final int OWN_REFERENCES = 1;

    private final PeerName self;
    private final int maxPeers;
    private final PeerEntryPool pool;
    private final NameTable entries = new NameTable();
    private final Map<PeerName, Integer> references = new HashMap<>();
    private final ShortIdIndex shortIds = new ShortIdIndex();
    /** The last graph handed out; updated on demand from it, {@link #graphDirty} and the current names. */
    private TopologyGraph graph;
    private boolean graphNamesChanged;
    private final SortedSet<PeerName> graphDirty = new TreeSet<>();
    /**
     * True when every connection target of every stored entry is in the table, so an incoming entry identical to
     * a stored one cannot introduce a placeholder. It stops holding when a placeholder is refused (table full) or
     * garbage collection removes a peer; collection checks it again.
     */
    private boolean targetsClosed = true;

    /**
     * A table holding only ourselves, at version 0 and with a short id.
     *
     * @param maxPeers how many entries (ourselves included) the table keeps at most
     */
    public Peers(PeerName self, String nickname, PeerUid uid, int shortId, int maxPeers) {
        this(self, nickname, uid, shortId, maxPeers, null);
    }

    /**
     * Same, sharing decoded entries through {@code pool} with the other tables that use it (null: none).
     *
     * @param maxPeers how many entries (ourselves included) the table keeps at most
     */
    public Peers(PeerName self, String nickname, PeerUid uid, int shortId, int maxPeers, PeerEntryPool pool) {
        if (self.equals(PeerName.UNKNOWN)) {
            throw new IllegalArgumentException("our name must not be " + PeerName.UNKNOWN);
        }
        if (maxPeers < 1) {
            throw new IllegalArgumentException("maxPeers must be positive: " + maxPeers);
        }
        this.self = self;
        this.maxPeers = maxPeers;
        this.pool = pool;
        store(new PeerEntry(self, nickname, uid, 0, shortId, true, new TreeMap<>()));
        references.put(self, OWN_REFERENCES);
    }

    /**
     * Records a new connection of ours (or replaces the record of one to the same remote) and bumps our
     * version. The remote must be in the table already: {@link #reference} it during the handshake first.
     */
    public void addLocalConnection(PeerName remote, String remoteAddr, boolean outbound, boolean established) {
        if (remote.equals(self) || !entries.containsKey(remote)) {
            throw new IllegalStateException("connection to " + remote + " added before registering it");
        }
        TreeMap<PeerName, ConnectionSummary> connections = new TreeMap<>(ours().connections());
        connections.put(remote, new ConnectionSummary(remote, remoteAddr, outbound, established));
        replaceOurConnections(connections);
    }

    /**
     * Marks our connection to {@code remote} established (its overlay confirmed two-way traffic) and bumps our
     * version.
     *
     * @return false, changing nothing, when there is no such connection or it is established already
     */
    public boolean setLocalEstablished(PeerName remote) {
        ConnectionSummary existing = ours().connections().get(remote);
        if (existing == null || existing.established()) {
            return false;
        }
        TreeMap<PeerName, ConnectionSummary> connections = new TreeMap<>(ours().connections());
        connections.put(remote, new ConnectionSummary(remote, existing.remoteTcpAddr(), existing.outbound(), true));
        replaceOurConnections(connections);
        return true;
    }

    /**
     * Forgets our connection to {@code remote} and bumps our version.
     *
     * @return false, changing nothing, when there was no such connection
     */
    public boolean removeLocalConnection(PeerName remote) {
        if (!ours().connections().containsKey(remote)) {
            return false;
        }
        TreeMap<PeerName, ConnectionSummary> connections = new TreeMap<>(ours().connections());
        connections.remove(remote);
        replaceOurConnections(connections);
        return true;
    }

    /**
     * Registers the remote end of a handshake: finds or creates its entry and takes a reference that protects
     * it from garbage collection until {@link #release}. A peer created here carries the handshake's nickname,
     * UID and short id at version 0; a known peer keeps its stored record until its own gossip replaces it.
     *
     * @param acceptNewPeer false for connections to discovered targets, which may only reach known peers
     * @return the registration, or a rejection for ourselves, a name collision, an unknown name that may not be
     *         introduced, or a full table
     */
    public ParseResult<Registration> reference(PeerName name, String nickname, PeerUid uid, int shortId,
            boolean hasShortId, boolean acceptNewPeer) {
        if (name.equals(self)) {
            PeerEntry me = ours();
            return ParseResult.rejected(uid.equals(me.uid()) ? "cannot connect to ourself"
                    : "local " + self + " (uid " + me.uid() + ") and remote " + name + " (uid " + uid
                            + ") peer names collision");
        }
        if (name.equals(PeerName.UNKNOWN)) {
            return ParseResult.rejected("invalid remote name: " + name);
        }
        PeerEntry known = entries.get(name);
        if (known == null) {
            if (!acceptNewPeer) {
                return ParseResult.rejected(UNKNOWN_REMOTE + name);
            }
            if (entries.size() >= maxPeers) {
                return ParseResult.rejected("peer table full (" + maxPeers + " peers), refusing " + name);
            }
            PeerEntry created = new PeerEntry(name, nickname, uid, 0, shortId, hasShortId, new TreeMap<>());
            store(created);
            references.put(name, 1);
            return ParseResult.ok(new Registration(created, true, false));
        }
        references.merge(name, 1, Integer::sum);
        return ParseResult.ok(new Registration(known, false, !known.uid().equals(uid)));
    }

    /** Drops a reference taken by {@link #reference}; the peer may then be garbage-collected. */
    public void release(PeerName name) {
        int held = references(name);
        if (held == 0 || name.equals(self)) {
            throw new IllegalStateException("release of " + name + " without a reference");
        }
        if (held == 1) {
            references.remove(name);
        } else {
            references.put(name, held - 1);
        }
    }

    /** How many local references protect {@code name} from garbage collection. */
    public int references(PeerName name) {
        return references.getOrDefault(name, 0);
    }

    /**
     * Merges a topology update (Weave's {@code applyUpdate}, notes §4.8). New names become entries; names known
     * only from connection lists become placeholders; an entry about an older incarnation of us makes our version
     * jump past it; an entry about a known peer replaces it only when {@link PeerEntry#isSupersededBy} says so.
     * Peers that do not fit under {@code maxPeers} are dropped and counted; entries named
     * {@link PeerName#UNKNOWN} are ignored.
     */
    public UpdateResult applyUpdate(List<PeerSummary> update) {
        List<PeerEntry> entriesOfUpdate = new ArrayList<>(update.size());
        for (PeerSummary s : update) {
            entriesOfUpdate.add(PeerEntry.fromSummary(s));
        }
        return applyEntries(entriesOfUpdate, new BitSet());
    }

    /**
     * Merges a scanned topology payload, exactly as {@link #applyUpdate(List)} merges its decoded peers. A peer
     * whose bytes are those of the entry we hold (or of one in the shared {@link PeerEntryPool}) is taken as that
     * entry without decoding its connections; any other is decoded, and a malformed one rejects the whole
     * payload before anything is merged.
     */
    public ParseResult<UpdateResult> applyUpdate(TopologyScan scan) {
        List<PeerEntry> entriesOfUpdate = new ArrayList<>(scan.peers().size());
        BitSet sameAsStored = new BitSet();
        for (ScannedPeer p : scan.peers()) {
            PeerEntry stored = entries.get(p.name());
            PeerEntry e;
            if (stored != null && p.sameAs(stored.encoded())) {
                sameAsStored.set(entriesOfUpdate.size());
                e = stored;
            } else {
                e = pool == null ? null : pool.find(p);
            }
            if (e == null) {
                ParseResult<PeerSummary> decoded = p.decode();
                if (!decoded.isOk()) {
                    return ParseResult.rejected(decoded.reason());
                }
                e = PeerEntry.fromSummary(decoded.value());
                if (pool != null) {
                    pool.offer(e);
                }
            }
            entriesOfUpdate.add(e);
        }
        return ParseResult.ok(applyEntries(entriesOfUpdate, sameAsStored));
    }

    /**
     * The merge itself. {@code sameAsStored} marks the positions of entries that are the very entries we store:
     * they are known, supersede nothing, and, while {@link #targetsClosed}, name no unknown peer.
     */
    private UpdateResult applyEntries(List<PeerEntry> update, BitSet sameAsStored) {
        List<PeerName> received = new ArrayList<>(update.size());
        SortedSet<PeerName> unknown = new TreeSet<>();
        PeerEntry[] storedBefore = new PeerEntry[update.size()];
        for (int i = 0; i < update.size(); i++) {
            PeerName name = update.get(i).name();
            if (!name.equals(PeerName.UNKNOWN)) {
                received.add(name);
                if (!sameAsStored.get(i)) {
                    storedBefore[i] = entries.get(name);
                    if (storedBefore[i] == null) {
                        unknown.add(name);
                    }
                }
            }
        }
        SortedSet<PeerName> admitted = admit(unknown);
        SortedSet<PeerName> improved = new TreeSet<>();
        boolean jumped = false;
        for (int i = sameAsStored.nextClearBit(0); i < update.size(); i = sameAsStored.nextClearBit(i + 1)) {
            PeerEntry incoming = update.get(i);
            PeerName name = incoming.name();
            if (name.equals(self)) {
                jumped |= jumpBeyondOlderSelf(incoming);
            } else if (admitted.contains(name) || entries.containsKey(name)) {
                PeerEntry existing = entries.get(name);
                if (existing == null || existing.isSupersededBy(incoming)) {
                    store(incoming);
                    improved.add(name);
                }
            }
        }
        SortedSet<PeerName> referenced = targetsClosed
                ? unknownConnectionTargets(update, sameAsStored, storedBefore, unknown)
                : unknownConnectionTargets(update, new BitSet(), new PeerEntry[update.size()], unknown);
        SortedSet<PeerName> placeholders = admit(referenced);
        for (PeerName name : placeholders) {
            store(pool == null ? PeerEntry.placeholder(name) : pool.placeholder(name));
        }
        SortedSet<PeerName> added = admitted;
        if (!placeholders.isEmpty()) {
            added = new TreeSet<>(admitted);
            added.addAll(placeholders);
        }
        int dropped = unknown.size() - admitted.size() + referenced.size() - placeholders.size();
        if (dropped > 0) {
            targetsClosed = false;
        }
        return new UpdateResult(received, improved, added, jumped, dropped);
    }

    /**
     * The current entries of {@code names}, sorted by name, as they go into a topology update. Late binding:
     * gossip queues names and encodes them when it sends; names removed meanwhile are skipped.
     */
    public List<PeerSummary> summaries(Collection<PeerName> names) {
        List<PeerSummary> out = new ArrayList<>();
        for (PeerName name : new TreeSet<>(names)) {
            PeerEntry e = entries.get(name);
            if (e != null) {
                out.add(e.toSummary());
            }
        }
        return out;
    }

    /**
     * The topology payload of the current entries of {@code names}, sorted by name: the bytes
     * {@link net.weft.core.wire.TopologyCodec#encode} writes for {@link #summaries}, assembled from each entry's
     * cached encoding. Empty when none of the names is in the table.
     */
    public byte[] payload(Collection<PeerName> names) {
        List<EncodedPeer> parts = new ArrayList<>();
        for (PeerName name : new TreeSet<>(names)) {
            PeerEntry e = entries.get(name);
            if (e != null) {
                parts.add(e.encoded());
            }
        }
        return TopologyCodec.concatenate(parts);
    }

    /** The payload of every entry, sorted by name: the complete topology gossip state. */
    public byte[] fullPayload() {
        List<EncodedPeer> parts = new ArrayList<>(entries.size());
        for (PeerEntry e : entries.values()) {
            parts.add(e.encoded());
        }
        return TopologyCodec.concatenate(parts);
    }

    /** Every entry, sorted by name: the complete topology gossip state. */
    public List<PeerSummary> allSummaries() {
        List<PeerSummary> out = new ArrayList<>(entries.size());
        for (PeerEntry e : entries.values()) {
            out.add(e.toSummary());
        }
        return out;
    }

    /**
     * Removes the peers that cannot be reached from us over any reported connection (established or not) and
     * that hold no local reference (Weave's {@code garbageCollect}, notes §4.9).
     *
     * @return the names removed
     */
    public SortedSet<PeerName> garbageCollect() {
        TopologyGraph g = graph();
        BitSet reachable = g.reachableFrom(g.indexOf(self), EdgeFilter.ALL_REPORTED);
        SortedSet<PeerName> removed = new TreeSet<>();
        for (int i = reachable.nextClearBit(0); i < g.size(); i = reachable.nextClearBit(i + 1)) {
            PeerName name = g.name(i);
            if (references(name) == 0) {
                removed.add(name);
            }
        }
        for (PeerName name : removed) {
            shortIds.remove(entries.remove(name));
        }
        if (!removed.isEmpty()) {
            graphNamesChanged = true;
        }
        if (!removed.isEmpty() || !targetsClosed) {
            targetsClosed = everyTargetKnown();
        }
        return removed;
    }

    /** Our own version (unsigned 64-bit). */
    public long version() {
        return ours().version();
    }

    /** Our name. */
    public PeerName self() {
        return self;
    }

    /** The entry for {@code name}, if the table holds one. */
    public Optional<PeerEntry> get(PeerName name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** Every entry, sorted by name (a snapshot). */
    public List<PeerEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** Number of entries, ourselves included. */
    public int size() {
        return entries.size();
    }

    /** The table's limit on entries, ourselves included. */
    public int maxPeers() {
        return maxPeers;
    }

    /** An immutable snapshot of the topology for route computation; cached until the table next changes. */
    public TopologyGraph graph() {
        if (graph == null) {
            graph = TopologyGraph.ofEntries(entries.values());
        } else if (graphNamesChanged || !graphDirty.isEmpty()) {
            long[] names = entries.nameValues();
            List<PeerEntry> inOrder = entries.values();
            graph = graph.updated(names, graphDirty, inOrder::get);
        }
        graphNamesChanged = false;
        graphDirty.clear();
        return graph;
    }

    /** True when no lower-named peer claims our short id, so fast-datapath traffic tagged with it is ours. */
    public boolean ownsShortId() {
        return shortIds.principal(ours().shortId()).map(self::equals).orElse(false);
    }

    /**
     * Picks a new short id for us when a lower-named peer claims ours (notes §1.5): up to ten random guesses for a
     * free id, then a uniform pick among the free ones; our version goes up. Call it after every update that
     * changed the table and after garbage collection freed entries. When all 4096 ids are taken we keep ours and
     * a later call (after peers were collected) tries again.
     *
     * @return the new short id, or empty when we own ours or no id is free
     */
    public OptionalInt reassignShortIdIfLost(DeterministicRandom rng) {
        if (ownsShortId()) {
            return OptionalInt.empty();
        }
        OptionalInt chosen = shortIds.chooseFree(rng);
        if (chosen.isPresent()) {
            PeerEntry me = ours();
            store(me.withShortId(chosen.getAsInt(), me.version() + 1));
        }
        return chosen;
    }

    /** The principal owner of {@code shortId}: the lowest-named peer claiming it. */
    public Optional<PeerName> peerByShortId(int shortId) {
        return shortIds.principal(shortId);
    }

    /**
     * Counts changes of the short id → owner mapping after first use (a lower name took an id, an owner left while
     * others still claimed its id, a freed id was reused). Whoever caches by short id (fast datapath flows)
     * flushes when this moves.
     */
    public long shortIdInvalidations() {
        return shortIds.invalidations();
    }

    private void store(PeerEntry entry) {
        PeerEntry previous = entries.put(entry.name(), entry);
        if (previous == null) {
            graphNamesChanged = true;
            graphDirty.add(entry.name());
        } else if (previous.connections() != entry.connections()
                && !previous.connections().equals(entry.connections())) {
            graphDirty.add(entry.name());
        }
        if (previous == null) {
            shortIds.add(entry);
        } else if (previous.shortId() != entry.shortId() || previous.hasShortId() != entry.hasShortId()) {
            shortIds.remove(previous);
            shortIds.add(entry);
        }
    }

    private boolean everyTargetKnown() {
        for (PeerEntry e : entries.values()) {
            for (PeerName to : e.connections().keySet()) {
                if (!to.equals(PeerName.UNKNOWN) && !entries.containsKey(to)) {
                    return false;
                }
            }
        }
        return true;
    }

    private PeerEntry ours() {
        return entries.get(self);
    }

    private void replaceOurConnections(SortedMap<PeerName, ConnectionSummary> connections) {
        PeerEntry me = ours();
        store(me.withVersionAndConnections(me.version() + 1, connections));
    }

    private boolean jumpBeyondOlderSelf(PeerEntry aboutUs) {
        PeerEntry me = ours();
        if (aboutUs.uid().equals(me.uid()) || Long.compareUnsigned(aboutUs.version(), me.version()) < 0) {
            return false;
        }
        store(me.withVersionAndConnections(aboutUs.version() + 1, me.connections()));
        return true;
    }

    private SortedSet<PeerName> admit(SortedSet<PeerName> candidates) {
        int room = Math.max(0, maxPeers - entries.size());
        if (candidates.size() <= room) {
            return candidates;
        }
        SortedSet<PeerName> admitted = new TreeSet<>();
        for (PeerName name : candidates) {
            if (admitted.size() == room) {
                break;
            }
            admitted.add(name);
        }
        return admitted;
    }

    /**
     * Names the update's connections mention that are neither in the table nor described by the update. Entries at
     * {@code skip} are not looked at; a target that {@code known[i]} (an entry stored before the update, whose
     * targets are all in the table) also reports is not looked up.
     */
    private SortedSet<PeerName> unknownConnectionTargets(List<PeerEntry> update, BitSet skip, PeerEntry[] known,
            SortedSet<PeerName> described) {
        SortedSet<PeerName> out = new TreeSet<>();
        for (int i = skip.nextClearBit(0); i < update.size(); i = skip.nextClearBit(i + 1)) {
            SortedMap<PeerName, ConnectionSummary> alreadyKnown = known[i] == null ? null : known[i].connections();
            for (PeerName to : update.get(i).connections().keySet()) {
                if (alreadyKnown != null && alreadyKnown.containsKey(to)) {
                    continue;
                }
                if (!to.equals(PeerName.UNKNOWN) && !entries.containsKey(to) && !described.contains(to)) {
                    out.add(to);
                }
            }
        }
        return out;
    }
}
