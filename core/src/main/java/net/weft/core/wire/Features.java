package net.weft.core.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.weft.core.wire.gob.GobDecoder;
import net.weft.core.wire.gob.GobEncoder;

/**
 * The features map of the v2 handshake: the body of the first length-prefixed frame on each side, a gob
 * stream holding one {@code map[string]string} (the map's type definition, then the map). Weave's keys
 * include PeerNameFlavour, Name, NickName, UID, ConnID, ShortID, Trusted and Overlays; interpreting them is
 * the handshake's job, not this codec's.
 */
public final class Features {

    /** Key of the peer-name flavour; Weave requires its value to be "mac" on both sides. */
    public static final String PEER_NAME_FLAVOUR = "PeerNameFlavour";
    /** Key of the sender's peer name in MAC form. */
    public static final String NAME = "Name";
    /** Key of the sender's nickname (may be empty). */
    public static final String NICK_NAME = "NickName";
    /** Key of the sender's incarnation id, a decimal uint64. */
    public static final String UID = "UID";
    /** Key of the sender's random per-connection id, a decimal uint64 (XORed with ours for the conn UID). */
    public static final String CONN_ID = "ConnID";
    /** Key of the sender's short id, decimal (optional: absent means no short id). */
    public static final String SHORT_ID = "ShortID";
    /** Key saying whether the sender trusts our address ("true"/"false", optional). */
    public static final String TRUSTED = "Trusted";
    /** Key of the overlays the sender supports, space-separated in order of preference. */
    public static final String OVERLAYS = "Overlays";

    /** Most entries accepted from a peer (Weave sends fewer than ten). */
    public static final int MAX_ENTRIES = 1024;

    private Features() {
    }

    /**
     * Encodes entries in the given order. Go writes a map in random order, so no order is "right"; giving
     * the order of a captured frame reproduces its bytes exactly.
     *
     * @throws IllegalArgumentException on a repeated key (a bug in the caller)
     */
    public static byte[] encode(List<Map.Entry<String, String>> entries) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries) {
            if (ordered.put(e.getKey(), e.getValue()) != null) {
                throw new IllegalArgumentException("repeated feature key " + e.getKey());
            }
        }
        return GobEncoder.encodeOne(WeaveGobTypes.FEATURES, ordered);
    }

    /** Encodes entries in ascending key order (deterministic output). */
    public static byte[] encode(SortedMap<String, String> features) {
        return encode(new ArrayList<>(features.entrySet()));
    }

    /**
     * Decodes a features frame body. Rejects anything but exactly one {@code map[string]string} value, and
     * maps with more than {@link #MAX_ENTRIES} entries. A repeated key keeps its last value, as in Go.
     */
    public static ParseResult<SortedMap<String, String>> decode(byte[] body) {
        GobDecoder decoder = new GobDecoder(body);
        ParseResult<Map<Object, Object>> map = decoder.nextMap(WeaveGobTypes.FEATURES);
        if (!map.isOk()) {
            return ParseResult.rejected("features: " + map.reason());
        }
        if (!decoder.atEnd()) {
            return ParseResult.rejected("features: unexpected data after the features map");
        }
        if (map.value().size() > MAX_ENTRIES) {
            return ParseResult.rejected("features: " + map.value().size() + " entries exceed limit of "
                    + MAX_ENTRIES);
        }
        SortedMap<String, String> out = new TreeMap<>();
        for (Map.Entry<?, ?> e : map.value().entrySet()) {
            out.put((String) e.getKey(), (String) e.getValue());
        }
        return ParseResult.ok(out);
    }
}
