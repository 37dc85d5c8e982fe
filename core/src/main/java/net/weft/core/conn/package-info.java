/**
 * Connections as the router manages them: their life cycle ({@link net.weft.core.conn.ConnectionState}),
 * which addresses to dial and when ({@link net.weft.core.conn.ConnectionMaker}), the rule that keeps one
 * of two connections to the same peer ({@link net.weft.core.conn.DuplicateConnections}) and the accept
 * throttle ({@link net.weft.core.conn.AcceptThrottle}), and the handshake
 * ({@link net.weft.core.conn.Handshake}) with the TCP encryption it sets up
 * ({@link net.weft.core.conn.TcpSession}).
 *
 * <h2>Theory of operation of the connection maker</h2>
 * Weave (mesh {@code connection_maker.go}) keeps a table of <em>targets</em>, addresses it may dial, each
 * with a state (waiting, attempting, connected, suspended), the last error, a retry time and a retry
 * interval. A <em>check</em> rebuilds the set of valid targets from the user's direct targets and, with
 * discovery on, from the connections other peers report in the topology; it never dials an address we
 * are already connected to, nor a peer we already have a connection to. Idle targets that are no longer
 * valid are suspended (direct ones, so their backoff is kept) or forgotten (discovered ones).
 *
 * <p>Weave starts a goroutine per due target inside the check. Here the check only marks what is valid;
 * {@link net.weft.core.conn.ConnectionMaker#dueDials} hands out due targets in order of due time, at most
 * {@link net.weft.core.conn.ConnectionMaker#DIAL_BURST} at once and then one per dial spacing (a
 * {@link net.weft.core.conn.TokenBucket}), and none while connections plus dials in flight reach the
 * connection limit. The rest stay due, and {@link net.weft.core.conn.ConnectionMaker#nextDeadlineNs} says
 * when to ask again, so a router learning 500 addresses dials them in a steady stream instead of one
 * storm. This spacing is ours; Weave dials all due targets at once.
 *
 * <p>Retries follow {@link net.weft.core.conn.Backoff}: a jittered wait in [i/2, 3i/2), the interval
 * growing 1.5 times from 2 s up to 6 min. A connection that lived longer than a minute is retried at once
 * with the interval reset; one that ended in a name collision or a connection to ourselves is never
 * retried until the user adds the target again.
 *
 * <p>Everything is pure: time arrives as {@code nowNs}, jitter from a seeded
 * {@link net.weft.core.rng.DeterministicRandom}, and all tables are sorted maps, so a simulation replays
 * the same dials from the same seed.
 */
package net.weft.core.conn;
