package net.weft.viz.fx;

import static net.weft.viz.SeedScenario.FILE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import net.weft.core.id.PeerName;
import net.weft.viz.model.EdgeState;
import net.weft.viz.model.MeshScene;
import net.weft.viz.model.NodeModel;
import net.weft.viz.source.ScenarioFile;
import net.weft.viz.source.ScenarioSpec;
import net.weft.viz.source.SimSession;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live window on the seed scenario, driven through its controls (headless, Monocle). */
class VizWindowTest {

    private static final long S = 1_000_000_000L;

    private static VizWindow open(SimSession s) {
        return FxRuntime.call(() -> {
            VizWindow w = new VizWindow(s);
            w.show(new Stage());
            return w;
        });
    }

    private static SimSession seed() throws Exception {
        ScenarioSpec spec = ScenarioFile.read(FILE, null);
        return new SimSession(spec);
    }

    @Test
    void steppingToFifteenSecondsShowsTheMeshAndSelectingP1HighlightsItsRouteThroughP3() throws Exception {
        SimSession s = seed();
        VizWindow w = open(s);
        MeshScene scene = FxRuntime.call(() -> {
            w.playback().runTo(15 * S);
            w.select(s.recording().last().byLabel("p1").name());
            return w.scene();
        });
        PeerName p1 = scene.node("p1").name();
        PeerName p3 = scene.node("p3").name();
        PeerName p4 = scene.node("p4").name();
        assertThat(scene.nodes()).hasSize(5);
        assertThat(scene.edges()).hasSize(4);
        assertThat(scene.highlight().unicastPaths().get(p4)).containsExactly(p1, p3, p4);
        assertThat(w.detailsText()).contains("unicast routes").contains("p4  via  p3").contains("UID");
        java.awt.image.BufferedImage img = FxRuntime.call(w::windowImage);
        PngExport.write(img, Path.of("target/viz-window.png"));
        assertThat(img.getWidth()).isEqualTo((int) VizWindow.WIDTH_PX);
    }

    @Test
    void clickingCommandsCutAndHealLinksCrashPeersAndAddPeersThenSaveThemAsAScenario(@TempDir Path dir)
            throws Exception {
        SimSession s = seed();
        VizWindow w = open(s);
        MeshScene cut = FxRuntime.call(() -> {
            w.playback().runTo(12 * S);
            w.toggleEdge(w.scene().edge(w.scene().node("p3").name(), w.scene().node("p4").name()));
            return w.scene();
        });
        assertThat(cut.edge(cut.node("p3").name(), cut.node("p4").name()).state()).isEqualTo(EdgeState.FAILED);

        MeshScene later = FxRuntime.call(() -> {
            w.togglePeer(w.scene().node("p5").name());
            w.addPeer(w.scene().node("p2").name());
            w.playback().runTo(20 * S);
            w.refresh();
            return w.scene();
        });
        assertThat(later.nodes()).hasSize(6);
        assertThat(later.node("p5").alive()).isFalse();
        NodeModel p6 = later.node("p6");
        assertThat(later.edge(p6.name(), later.node("p2").name()).state()).isEqualTo(EdgeState.ESTABLISHED);

        Path file = dir.resolve("edited.yaml");
        FxRuntime.call(() -> {
            w.saveScenario(file);
            return null;
        });
        String yaml = Files.readString(file);
        assertThat(yaml).contains("{at: 12s, cut: [p3, p4]}", "{at: 12s, crash: p5}",
                "{at: 12s, join: {links: [p2], peer: p6}}", "{at: 20s, cut: [p1, p3]}");
        ScenarioSpec back = ScenarioFile.parse(yaml, "x", null);
        assertThat(back.events()).hasSize(5);
    }

    @Test
    void scrubbingBackShowsTheRecordedPastAndPlayingResumesTheReplay() throws Exception {
        SimSession s = seed();
        VizWindow w = open(s);
        MeshScene past = FxRuntime.call(() -> {
            w.playback().runTo(25 * S);
            w.playback().scrubTo(15 * S);
            w.refresh();
            return w.scene();
        });
        assertThat(past.atNs()).isEqualTo(15 * S);
        assertThat(past.edge(past.node("p1").name(), past.node("p3").name()).state())
                .isEqualTo(EdgeState.ESTABLISHED);
        MeshScene now = FxRuntime.call(() -> {
            w.playback().scrubTo(25 * S);
            w.refresh();
            return w.scene();
        });
        assertThat(now.edge(now.node("p1").name(), now.node("p3").name()).state()).isEqualTo(EdgeState.FAILED);
    }
}
