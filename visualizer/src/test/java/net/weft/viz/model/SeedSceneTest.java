package net.weft.viz.model;

import static net.weft.viz.SeedScenario.FILE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.viz.source.ScenarioFile;
import net.weft.viz.source.ScenarioSpec;
import net.weft.viz.source.SimSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed scenario (p1-p2, p1-p3, p3-p4, p3-p5; p1-p3 cut at 20 s) as the viewer's model sees it. */
class SeedSceneTest {

    private static final long S = 1_000_000_000L;
    private static SimSession session;

    @BeforeAll
    static void runSeedScenario() throws Exception {
        ScenarioSpec spec = ScenarioFile.read(FILE, null);
        session = new SimSession(spec);
        session.advanceTo(30 * S);
    }

    private static MeshScene sceneAt(long ns, String selected) {
        MeshSnapshot snap = session.recording().frameAt(ns);
        PeerName sel = selected == null ? null : snap.byLabel(selected).name();
        return MeshScene.build(snap, new ForceLayout(), sel, List.of());
    }

    private static PeerName name(String label) {
        return session.recording().last().byLabel(label).name();
    }

    @Test
    void beforeTheCutFivePeersAndFourEstablishedConnections() {
        MeshScene scene = sceneAt(15 * S, null);
        assertThat(scene.nodes()).hasSize(5).allMatch(NodeModel::alive);
        assertThat(scene.edges()).hasSize(4).extracting(EdgeModel::state).containsOnly(EdgeState.ESTABLISHED);
        assertThat(scene.edges()).extracting(e -> Styles.edge(e).rgb()).containsOnly(Styles.SLEEVE_RGB);
    }

    @Test
    void theRouteFromP1ToP4PassesThroughP3() {
        MeshScene scene = sceneAt(15 * S, "p1");
        assertThat(scene.highlight().unicastPaths().get(name("p4")))
                .containsExactly(name("p1"), name("p3"), name("p4"));
        assertThat(scene.highlight().unicastEdges()).contains(PeerPair.of(name("p1"), name("p3")),
                PeerPair.of(name("p3"), name("p4")));
        assertThat(scene.highlight().broadcastEdges()).containsExactlyInAnyOrder(
                PeerPair.of(name("p1"), name("p2")), PeerPair.of(name("p1"), name("p3")),
                PeerPair.of(name("p3"), name("p4")), PeerPair.of(name("p3"), name("p5")));
    }

    @Test
    void afterTheCutTheLinkIsDrawnFailedAndP1NoLongerReachesP4() {
        MeshScene scene = sceneAt(25 * S, "p1");
        EdgeModel cut = scene.edge(name("p1"), name("p3"));
        assertThat(cut.state()).isEqualTo(EdgeState.FAILED);
        assertThat(Styles.edge(cut).rgb()).isEqualTo(Styles.FAILED_RGB);
        assertThat(Styles.edge(cut).dashed()).isTrue();
        assertThat(scene.edge(name("p3"), name("p4")).state()).isEqualTo(EdgeState.ESTABLISHED);
        assertThat(scene.highlight().unicastPaths()).doesNotContainKey(name("p4"));
    }

    @Test
    void gossipFromTheStartAndThePingFromC1ToC4HopsThroughP3() {
        assertThat(session.recording().pulsesIn(0, 2 * S)).isNotEmpty().allMatch(p -> p.kind() == Pulse.Kind.GOSSIP);
        List<Pulse> frames = session.recording().pulsesIn(10 * S - 1, 14 * S).stream()
                .filter(p -> p.kind() == Pulse.Kind.FRAME).toList();
        assertThat(frames).extracting(p -> PeerPair.of(p.from(), p.to()))
                .contains(PeerPair.of(name("p1"), name("p3")), PeerPair.of(name("p3"), name("p4")));
    }
}
