/**
 * The sleeve fast path: forwarding the common frames on data-path threads from the router's published
 * {@link net.weft.core.fastpath.FastPathTable}, without a router step per frame.
 *
 * <h2>How it works</h2>
 * {@link net.weft.sleeve.fastpath.SleeveFastPath} owns the sleeve's UDP socket and two threads.
 * <ul>
 *   <li><b>Capture</b> ({@link net.weft.sleeve.fastpath.CaptureLoop}): reads up to 64 TAP reads per burst (one
 *       {@code read} each, no poll while frames keep coming). The TAP is in offload mode: the container's TCP hands
 *       over super-frames of up to 64 KB (TSO) with open checksums, which a
 *       {@link net.weft.sleeve.host.offload.GsoSplitter} cuts into wire frames with complete checksums, exactly
 *       what a Weave peer expects. A wire frame the table covers is written once into a sleeve datagram for its
 *       next hop by the {@link net.weft.sleeve.fastpath.DatagramAssembler}, which packs consecutive frames for one
 *       hop into one datagram, seals it in place and sends the burst's datagrams with one {@code sendmmsg}. Other
 *       frames go to the router, in order, once per burst.</li>
 *   <li><b>Receive</b> ({@link net.weft.sleeve.fastpath.ReceiveLoop}): one {@code recvmmsg} per burst; each
 *       datagram is opened in place with its sender's channel (so the replay window is the router's own), then
 *       frames for local MACs go to a {@link net.weft.sleeve.fastpath.Delivery}, which coalesces in-order segments
 *       of one TCP connection into one super-frame (GRO: one TAP write and one TCP receive pass for ~45 segments)
 *       and writes at the end of the burst; frames for other peers are relayed through an assembler. Datagrams
 *       from unknown senders, or that fail to open or parse, go to the router as they arrived, so it counts and
 *       reports them exactly as before; frames the table does not cover (heartbeats, broadcasts, MACs not yet
 *       learned) go as one opened datagram.</li>
 * </ul>
 * After a burst that delivered frames, the receive thread also forwards whatever already waits on the TAP (the
 * replies the local stack produced while the delivery was written: a ping's echo, TCP ACKs), so a request-reply
 * round trip costs one thread wake-up less; reading and sending the TAP's frames is serialised by one lock held by
 * whichever thread does it, so frames leave in the order they were read.
 * Both threads report to the router about once a second the MACs they forwarded for and their frame counts.
 *
 * <p>Per wire frame this costs, on a busy TCP link: a share of one TAP {@code read} (one per super-frame) and of
 * one {@code sendmmsg} when sending; a share of one {@code recvmmsg} and of one TAP {@code write} (one per
 * coalesced run) when receiving; two or three copies of the frame and its checksum; no allocation except a
 * peer-name record or two. Sealing and opening take the channel's lock, which the
 * router thread shares only for heartbeats and slow-path frames.
 */
package net.weft.sleeve.fastpath;
