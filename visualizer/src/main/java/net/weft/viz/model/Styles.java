package net.weft.viz.model;

import java.util.List;

/**
 * Every styling decision of the viewer, in one place and without JavaFX: colours, widths and dashes for
 * edges by state, datapath and encryption; colours for peers; the overlay strokes for highlighted routes.
 */
public final class Styles {

    /** Established connection on the sleeve datapath: green. */
    public static final int SLEEVE_RGB = 0x2e7d32;
    /** Established connection on the fast datapath: blue. */
    public static final int FASTDP_RGB = 0x1565c0;
    /** Control connection up, data plane unconfirmed: amber. */
    public static final int PENDING_RGB = 0xf9a825;
    /** Link with no connection yet: grey. */
    public static final int CONNECTING_RGB = 0x9e9e9e;
    /** Cut link or failed connection: red. */
    public static final int FAILED_RGB = 0xc62828;
    /** The selected peer's unicast routes: violet. */
    public static final int ROUTE_RGB = 0x8e24aa;
    /** The selected peer's broadcast tree: orange. */
    public static final int BROADCAST_RGB = 0xef6c00;
    /** A running peer. */
    public static final int PEER_RGB = 0x1976d2;
    /** A peer whose router is down. */
    public static final int DOWN_PEER_RGB = 0x757575;
    /** Ring around the selected peer. */
    public static final int SELECTED_RGB = 0xffb300;
    /** Containers. */
    public static final int CONTAINER_RGB = 0x00897b;
    /** Gossip messages in flight. */
    public static final int GOSSIP_RGB = 0x5e35b1;
    /** Data frames in flight. */
    public static final int FRAME_RGB = 0xd81b60;
    /** Background. */
    public static final int BACKGROUND_RGB = 0xfafafa;
    /** Text. */
    public static final int TEXT_RGB = 0x212121;

    /** Base edge width in pixels. */
    public static final double EDGE_WIDTH_PX = 2.0;
    /** Extra width of the fast datapath. */
    public static final double FASTDP_EXTRA_PX = 1.5;
    /** Width of highlight strokes drawn under edges. */
    public static final double HIGHLIGHT_WIDTH_PX = 8.0;
    /** Peer circle radius in model units. */
    public static final double PEER_RADIUS = 14.0;
    /** Container square side in model units. */
    public static final double CONTAINER_SIDE = 9.0;

    private static final List<Double> PENDING_DASHES = List.of(8.0, 5.0);
    private static final List<Double> CONNECTING_DASHES = List.of(2.0, 5.0);
    private static final List<Double> FAILED_DASHES = List.of(6.0, 6.0);

    private Styles() {
    }

    /** The stroke of an edge. */
    public static Stroke edge(EdgeModel e) {
        switch (e.state()) {
            case ESTABLISHED:
                boolean fast = EdgeModel.FASTDP.equals(e.overlay());
                return new Stroke(fast ? FASTDP_RGB : SLEEVE_RGB, 1.0, EDGE_WIDTH_PX + (fast ? FASTDP_EXTRA_PX : 0),
                        List.of(), e.encrypted());
            case PENDING:
                return new Stroke(PENDING_RGB, 1.0, EDGE_WIDTH_PX, PENDING_DASHES, e.encrypted());
            case CONNECTING:
                return new Stroke(CONNECTING_RGB, 0.9, EDGE_WIDTH_PX / 2, CONNECTING_DASHES, false);
            default:
                return new Stroke(FAILED_RGB, 1.0, EDGE_WIDTH_PX, FAILED_DASHES, false);
        }
    }

    /** The stroke drawn under an edge on the selected peer's unicast routes. */
    public static Stroke route() {
        return new Stroke(ROUTE_RGB, 0.45, HIGHLIGHT_WIDTH_PX, List.of(), false);
    }

    /** The stroke drawn under an edge of the selected peer's broadcast tree. */
    public static Stroke broadcast() {
        return new Stroke(BROADCAST_RGB, 0.35, HIGHLIGHT_WIDTH_PX * 1.6, List.of(), false);
    }

    /** Fill of a peer. */
    public static int peerFill(NodeModel n) {
        return n.alive() ? PEER_RGB : DOWN_PEER_RGB;
    }
}
