/**
 * The sleeve overlay without I/O: Weave's user-space UDP encapsulation (data-plane notes §1).
 *
 * <p>Theory of operation. Frames travel between neighbours in UDP datagrams of the form
 * {@code sender name, then (srcPeer, dstPeer, length, Ethernet frame)...}; {@link net.weft.core.overlay.SleevePacket}
 * encodes and decodes them (unencrypted format; a connection's {@link net.weft.core.overlay.SleeveChannel}
 * seals and opens them when the connection is encrypted and untrusted, so everything else sees plain
 * datagrams) and
 * {@link net.weft.core.overlay.SleeveBatcher} packs queued frames into as few datagrams as fit a size limit.
 * Frames whose Ethernet header is all zeros are the overlay's own in-band signals
 * ({@link net.weft.core.overlay.SpecialFrames}): heartbeats, the fragmentation test and PMTU probes.
 * Their answers go back over the TCP connection as tag-7 bodies, {@code [overlay index][sub-tag][message]}
 * ({@link net.weft.core.overlay.OverlayControl}, {@link net.weft.core.overlay.SleeveControl}).
 *
 * <p>One {@link net.weft.core.overlay.OverlayForwarder} per confirmed connection runs the heartbeat
 * machine: fast heartbeats until the peer says over TCP that they arrive, slow ones after, failure when
 * none arrives for the timeout; it learns and follows the peer's UDP address from heartbeats, which is
 * what lets the dialled side sit behind a NAT. Once established it searches the path MTU with a
 * {@link net.weft.core.overlay.PmtuSearch}: probe datagrams of a candidate's exact wire size, answered by the
 * peer over TCP, bisected down to the largest that arrives (never below 552), rerun every 10 minutes and
 * when the host reports a send too big. All inputs carry {@code nowNs}; outputs are
 * {@link net.weft.core.overlay.OverlayAction}s for the router to execute. Parsing of anything a peer sent
 * returns a {@code ParseResult} or an {@code Ignored} action and never throws.
 */
package net.weft.core.overlay;
