/**
 * The sleeve fast path's share of the core: an immutable {@link net.weft.core.fastpath.FastPathTable} the router
 * publishes, from which data-path threads forward the common frames without a router step.
 *
 * <h2>How it works</h2>
 * The router stays the only authority: it learns MACs, computes routes, runs the per-connection forwarders and
 * owns the session keys. When a host starts a fast path it tells the router ({@code Input.FastPathStarted}); from
 * then on, at the end of every step in which the routes, the MAC owners or the usable sleeve connections changed,
 * the router emits {@code Effect.InstallFastPath} with a fresh table: MAC to owning peer, destination peer to next
 * hop, and per next hop its UDP address, overlay MTU and {@link net.weft.core.overlay.SleeveChannel}.
 *
 * <p>The table answers only questions whose answer equals what the router's
 * {@link net.weft.core.forward.ForwardingRules} would decide <em>and</em> that would not change the router's state:
 * a captured unicast frame from a known local MAC to a known remote MAC; a received frame for us from a MAC
 * already known behind its sending peer to a MAC known to be local; a received frame for another peer (relay).
 * Everything else returns {@code null} ("take the slow path"): broadcasts, unknown or moved MACs, special frames
 * (zero MACs), frames over the MTU, peers without a usable connection. So MAC learning, ICMP "fragmentation
 * needed", fragmentation, broadcast trees, heartbeats and every drop with its reason stay in the router, and a
 * stale table can at worst send a frame along the previous route, as a router that had not yet recomputed would.
 *
 * <p>The fast path reports back ({@code Input.FastPathReport}): the MACs it forwarded for, so the router's MAC ages
 * are refreshed (a sighting never re-creates or moves an entry: {@code MacCache.touch}), and its frame counts, so
 * metrics count every frame once, whichever path it took.
 *
 * <p>Thread safety: tables are immutable and safe to share. The channels they hold are the router's own; their
 * sealing and opening methods are synchronized, so a fast path thread and the router thread never interleave a
 * sequence number or a replay window.
 */
package net.weft.core.fastpath;
