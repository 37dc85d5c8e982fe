/**
 * The topology store: what one router knows about every peer of the mesh and the connections each reports.
 *
 * <p>{@link net.weft.core.topology.Peers} is the mutable table, owned by one router and used from its step
 * function only. Our own entry is authoritative: each change to our connections (added, established, removed)
 * bumps its version by one. Everyone else's entries come from topology gossip and are merged by Weave's total
 * order on (version, UID, has-short-id): a newer version wins, on a tie the higher UID (a later incarnation), and
 * on a tie of both only an entry carrying a short id replaces one without. Names mentioned only inside connection
 * lists become placeholders (UID 0, version 0) that real gossip later supersedes. An entry that describes an
 * older incarnation of ourselves (same name, other UID) makes our version jump past it, so our record wins
 * everywhere it travels.
 *
 * <p>Handshakes take references on the remote peer ({@code reference}/{@code release}). Garbage collection removes
 * peers that are not reachable from us over any reported connection and hold no reference, so a peer that is
 * still connecting is never collected before its first gossip arrives. The table keeps at most {@code maxPeers}
 * entries; newcomers beyond are dropped and counted, never an error.
 *
 * <p>For routing, {@link net.weft.core.topology.Peers#graph()} hands out an immutable
 * {@link net.weft.core.topology.TopologyGraph}: peers numbered in name order with compressed adjacency rows
 * ({@link net.weft.core.topology.Adjacency}) per {@link net.weft.core.topology.EdgeFilter}, cached until the table
 * next changes.
 *
 * <p>Scale (the simulator runs thousands of routers in one process, each holding the whole topology): entries are
 * immutable and encode themselves for gossip once ({@link net.weft.core.topology.PeerEntry#encoded}); a scanned
 * payload is merged by recognising peers whose bytes equal the entry stored, or one in a
 * {@link net.weft.core.topology.PeerEntryPool} that the routers of a simulation share, and decoding only the
 * others, with the same outcome as merging the decoded update. While every stored entry's connection targets are
 * in the table, an entry identical to a stored one is not scanned for unknown targets. Routes are brought current
 * before every gossip send, so the graph is updated from the previous one rather than rebuilt: rows of peers that
 * kept their name and connections are renamed to the new indices (or copied in blocks when no name changed), and
 * only the rows of changed or new peers, of peers with a connection to a name outside the graph, and the symmetric
 * rows those can alter are worked out again, from each entry's cached sorted target names.
 *
 * <p>Short ids (12 bits, used only by the fast datapath) may collide. The table indexes who claims each id; the
 * lowest name claiming an id owns it. When a lower-named peer claims ours, the router asks the table to pick a
 * free one with its seeded generator ({@code reassignShortIdIfLost}), which bumps our version like any other
 * change to our entry. An invalidation counter tells short-id caches when an id changed hands.
 */
package net.weft.core.topology;
