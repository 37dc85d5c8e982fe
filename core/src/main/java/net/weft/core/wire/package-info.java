/**
 * Wire formats of Weave Net protocol v2, as pure functions over byte arrays (no I/O).
 *
 * <h2>A connection, byte by byte</h2>
 * <ol>
 *   <li>{@link net.weft.core.wire.ProtocolHeader}: each side sends {@code "weave" min max} (7 bytes) and
 *       both {@link net.weft.core.wire.ProtocolHeader#negotiate negotiate} the same version.</li>
 *   <li>One encryption flag byte (0 plain, 1 followed by a 32-byte public key): read raw with
 *       {@link net.weft.core.wire.FrameReader#takeRaw}; the handshake owns its meaning.</li>
 *   <li>Length-prefixed frames ({@link net.weft.core.wire.FrameReader}, at most 10 MiB each), sealed with
 *       secretbox when encrypted. The first frame is the {@link net.weft.core.wire.Features} map.</li>
 *   <li>Every later frame body starts with a {@link net.weft.core.wire.ProtocolTag}. Gossip bodies (tags
 *       4-6) are {@link net.weft.core.wire.GossipMessage}s; the "topology" channel's payload is decoded by
 *       {@link net.weft.core.wire.TopologyCodec} into {@link net.weft.core.wire.PeerSummary} records.</li>
 * </ol>
 *
 * <h2>Topology payloads at scale</h2>
 * A router receives every version of every peer's entry, from several neighbours, and mostly holds it already.
 * So topology payloads are built and read in parts: {@link net.weft.core.wire.TopologyCodec#encodePeer} encodes
 * one peer's two value messages ({@link net.weft.core.wire.EncodedPeer}, cached by the entry), and
 * {@link net.weft.core.wire.TopologyCodec#concatenate} assembles a payload from such parts with the type
 * definitions once, byte for byte what a fresh encoder writes. {@link net.weft.core.wire.TopologyCodec#scan}
 * splits a payload into per-peer byte ranges ({@link net.weft.core.wire.ScannedPeer}); when the payload is laid
 * out exactly as ours are (our definitions under our type ids), by message lengths alone
 * ({@code CanonicalTopologyScanner}), else with the general gob decoder. A receiver compares a scanned peer's
 * bytes with an entry it holds ({@link net.weft.core.wire.ScannedPeer#sameAs}, only meaningful under our exact
 * type definitions) and decodes only the peers it does not recognise; a malformed peer rejects the payload as
 * decoding it whole would.
 *
 * <p>Gob, the Go serialisation these bodies use, lives in {@link net.weft.core.wire.gob}. The gob type ids
 * we send are those a Weave 2.8.1 router uses ({@code WeaveGobTypes}), so our bytes match captures.
 * Every decoder returns {@link net.weft.core.wire.ParseResult} and never throws on what a peer sent;
 * encoders throw only on our own bugs. docs/protocol.md ("Wire formats") draws the byte layouts.
 */
package net.weft.core.wire;
