/**
 * The Weft router core: one {@link net.weft.core.Router} per peer, a deterministic state machine with no
 * I/O of its own.
 *
 * <h2>The one door</h2>
 * {@code Step step(long nowNs, Input input)} is the only way to change a router. The host (the daemon's
 * netty loop, the simulator's event queue, a test) turns socket events, expired timers and admin commands
 * into {@link net.weft.core.input.Input} records and executes the returned
 * {@link net.weft.core.effect.Effect} records in order: dial, write bytes, close, send a datagram, inject a
 * frame. It must call {@code step} again (with a {@code Tick} if nothing else happened) at
 * {@link net.weft.core.Step#nextDeadlineNs()}.
 *
 * <h2>Determinism</h2>
 * Time, randomness ({@link net.weft.core.rng.DeterministicRandom}) and identity
 * ({@link net.weft.core.RouterConfig}) are inputs. Nothing iterates a hash container to decide an output:
 * connections, peers and targets live in sorted maps. Given the same inputs at the same times, a router
 * emits the same effects and trace events, which is what lets a simulation replay from its seed.
 *
 * <h2>Inside</h2>
 * <ul>
 *   <li>{@code ConnectionLifecycle}: handshake ({@link net.weft.core.conn.Handshake}), registration with the
 *       topology, duplicate tie-break, connection limit, message dispatch, TCP heartbeats and read timeouts,
 *       the per-peer overlay forwarder, teardown.</li>
 *   <li>{@code TopologyGossip} and {@code SurrogateGossip}: the gossip channels.</li>
 *   <li>{@link net.weft.core.topology.Peers} and {@link net.weft.core.routing.Routes}: what the mesh looks
 *       like and how to cross it; routes are recomputed on a 100 ms coalescing timer.</li>
 *   <li>{@link net.weft.core.conn.ConnectionMaker}: whom to dial, when.</li>
 *   <li>{@code DataPlane}: the reference sleeve forwarding path over the pure rules of
 *       {@link net.weft.core.forward}.</li>
 * </ul>
 *
 * <h2>Encryption</h2>
 * With a password, every connection draws 32 bytes from the router's random stream for an ephemeral X25519
 * key; the handshake derives a {@link net.weft.core.conn.TcpSession} and from then on every TCP frame, the
 * features frame first, is sealed and must open in order, or the connection closes. The sleeve datagrams of
 * a connection go through its {@link net.weft.core.overlay.SleeveChannel}, sealed with the same session key
 * unless both ends trust each other's address (trusted subnets). Plain text on TCP with a password never
 * happens.
 * Peer faults (bad bytes, protocol violations) become trace events and closed connections, never
 * exceptions; an exception out of {@code step} is a bug in Weft.
 */
package net.weft.core;
