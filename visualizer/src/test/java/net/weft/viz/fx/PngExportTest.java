package net.weft.viz.fx;

import static net.weft.viz.SeedScenario.FILE;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.weft.core.id.PeerName;
import net.weft.viz.model.ForceLayout;
import net.weft.viz.model.MeshScene;
import net.weft.viz.model.MeshSnapshot;
import net.weft.viz.model.Styles;
import net.weft.viz.source.ScenarioFile;
import net.weft.viz.source.ScenarioSpec;
import net.weft.viz.source.SimSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Off-screen rendering of the seed scenario (headless, through Monocle in the tests' JVM). */
class PngExportTest {

    private static final long S = 1_000_000_000L;

    @Test
    void theSeedScenarioRendersToAPngThatIsNotBlank(@TempDir Path dir) throws Exception {
        ScenarioSpec spec = ScenarioFile.read(FILE, null);
        SimSession s = new SimSession(spec);
        s.advanceTo(25 * S);
        MeshSnapshot snap = s.recording().last();
        PeerName p1 = snap.byLabel("p1").name();
        MeshScene scene = MeshScene.build(snap, new ForceLayout(), p1, List.of());

        BufferedImage img = PngExport.render(scene, 640, 480, "t = 25 s");
        Path file = dir.resolve("seed.png");
        PngExport.write(img, file);

        assertThat(file).exists();
        BufferedImage back = javax.imageio.ImageIO.read(file.toFile());
        assertThat(back.getWidth()).isEqualTo(640);
        Set<Integer> colours = new HashSet<>();
        int painted = 0;
        for (int y = 0; y < back.getHeight(); y++) {
            for (int x = 0; x < back.getWidth(); x++) {
                int rgb = back.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                painted += rgb == Styles.BACKGROUND_RGB ? 0 : 1;
            }
        }
        assertThat(colours).as("distinct colours").hasSizeGreaterThan(20)
                .contains(Styles.PEER_RGB, Styles.FAILED_RGB, Styles.SLEEVE_RGB);
        assertThat(painted).as("pixels not background").isGreaterThan(640 * 480 / 100);
    }
}
