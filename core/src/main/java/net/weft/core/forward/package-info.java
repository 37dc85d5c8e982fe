/**
 * Data-plane forwarding decisions: which peer, if any, an Ethernet frame goes to next.
 *
 * <p>Theory of operation. Every frame enters one of two doors of {@link net.weft.core.forward.ForwardingRules}:
 * {@code onCaptured} for frames the local bridge handed us, {@code onReceived} for frames a peer sent over
 * the overlay together with the names of the peer that captured it and the peer it is for. The rules read
 * the frame in place through the static accessors of {@link net.weft.core.forward.EthernetFrame}, learn
 * source addresses into the {@link net.weft.core.forward.MacCache}, consult the data-plane route tables
 * through {@link net.weft.core.forward.RouteLookup}, and answer with a
 * {@link net.weft.core.forward.ForwardDecision} (drop, unicast, broadcast, deliver, deliver-and-broadcast,
 * relay). Nothing here sends anything, reads a clock or keeps a timer: time is the {@code nowNs} argument,
 * and the host calls {@code MacCache.expire} every {@code MacCache.expiryIntervalNs()}.
 *
 * <p>Unicast relies only on the destination peer name carried with each frame, so relays need no MAC
 * knowledge; broadcasts follow the source peer's spanning tree and each copy is addressed to the
 * neighbour that receives it, which then treats it as "for me" and continues the tree.
 */
package net.weft.core.forward;
