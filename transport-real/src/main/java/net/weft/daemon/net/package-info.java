/**
 * The router's sockets on netty: the TCP listener and dialler for control connections and the UDP socket of the
 * overlay, all registered with the router's single event loop.
 *
 * <p>Handlers here only move bytes: a read becomes {@code BytesReceived}, an accept {@code InboundAccepted}, a
 * connect {@code DialSucceeded}/{@code DialFailed}, an end {@code ConnectionClosed}, a datagram
 * {@code DatagramReceived}; the router does all protocol work (header, framing, handshake). Because every
 * channel lives on the router's event loop, handlers submit inputs without crossing threads and the input
 * order equals the socket event order. Connection ids: the router picks positive ids for dials; accepted
 * sockets get {@code ConnectionId.inbound(1)}, {@code inbound(2)}, ... in accept order. After the router
 * closes a connection no more inputs are reported for it.
 *
 * <p>{@link net.weft.daemon.net.IoTransport} chooses epoll on Linux and falls back to NIO elsewhere;
 * the core's {@link net.weft.core.conn.AcceptThrottle} paces accepts like Weave's token bucket (20 at once,
 * then one per 50 ms).
 */
package net.weft.daemon.net;
