package net.weft.viz.model;

/**
 * One edge of the drawing: the connection (or bare underlay link) between two peers.
 *
 * @param pair      the two peers
 * @param state     the worst state either end reports
 * @param overlay   the data-plane overlay in use ("sleeve", "fastdp"), empty when unknown
 * @param encrypted true when the connection is encrypted
 */
public record EdgeModel(PeerPair pair, EdgeState state, String overlay, boolean encrypted) {

    /** Sleeve, Weave's user-space UDP datapath. */
    public static final String SLEEVE = "sleeve";
    /** Weave's Open vSwitch fast datapath. */
    public static final String FASTDP = "fastdp";
}
