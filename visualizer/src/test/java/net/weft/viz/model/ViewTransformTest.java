package net.weft.viz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.weft.core.id.PeerName;
import org.junit.jupiter.api.Test;

/** Zoom keeps the point under the cursor, fit frames the mesh, clicks find peers and edges. */
class ViewTransformTest {

    private static final PeerName A = new PeerName(1);
    private static final PeerName B = new PeerName(2);

    private static MeshScene twoPeers() {
        return new MeshScene(0, List.of(new NodeModel(A, "a", 0, 0, true, List.of()),
                new NodeModel(B, "b", 100, 0, true, List.of())),
                List.of(new EdgeModel(PeerPair.of(A, B), EdgeState.ESTABLISHED, "sleeve", false)),
                RoutePaths.Highlight.NONE, List.of());
    }

    @Test
    void zoomKeepsThePointUnderTheCursorAndPanMovesByPixels() {
        ViewTransform t = new ViewTransform();
        t.pan(30, 40);
        double mx = t.toModelX(200);
        double my = t.toModelY(100);
        t.zoomAt(2.5, 200, 100);
        assertThat(t.toScreenX(mx)).isCloseTo(200, within(1e-9));
        assertThat(t.toScreenY(my)).isCloseTo(100, within(1e-9));
        assertThat(t.scale()).isEqualTo(2.5);
    }

    @Test
    void fitPutsEveryPeerOnScreen() {
        ViewTransform t = new ViewTransform();
        t.fit(twoPeers(), 400, 300);
        for (NodeModel n : twoPeers().nodes()) {
            assertThat(t.toScreenX(n.x())).isBetween(0.0, 400.0);
            assertThat(t.toScreenY(n.y())).isBetween(0.0, 300.0);
        }
    }

    @Test
    void aClickFindsThePeerUnderItOrElseTheNearestEdge() {
        MeshScene s = twoPeers();
        assertThat(HitTest.nodeAt(s, 2, 3).name()).isEqualTo(A);
        assertThat(HitTest.nodeAt(s, 50, 3)).isNull();
        assertThat(HitTest.edgeAt(s, 50, 3, HitTest.EDGE_TOLERANCE).pair()).isEqualTo(PeerPair.of(A, B));
        assertThat(HitTest.edgeAt(s, 50, 30, HitTest.EDGE_TOLERANCE)).isNull();
    }
}
