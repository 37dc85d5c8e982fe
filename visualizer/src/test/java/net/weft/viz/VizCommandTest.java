package net.weft.viz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code weft viz ... --snapshot} end to end, as docs and CI use it. */
class VizCommandTest {

    private static int run(StringWriter out, String... args) {
        CommandLine cl = new CommandLine(new VizCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        return cl.execute(args);
    }

    @Test
    void aSnapshotOfTheSeedScenarioIsWrittenWithoutAWindow(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("seed.png");
        StringWriter out = new StringWriter();
        int status = run(out, SeedScenario.FILE.toString(), "--snapshot", png.toString(), "--at", "25s",
                "--select", "p1", "--size", "500x400");
        assertThat(status).as(out.toString()).isZero();
        assertThat(out.toString()).contains("5 peers, 4 edges at 25s");
        var img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(500);
        assertThat(img.getHeight()).isEqualTo(400);
    }

    @Test
    void badUsageIsExplained(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        assertThat(run(out)).isEqualTo(2);
        assertThat(out.toString()).contains("give either a SCENARIO file or --attach URL");
        StringWriter out2 = new StringWriter();
        assertThat(run(out2, SeedScenario.FILE.toString(), "--snapshot", dir.resolve("x.png").toString(),
                "--select", "nobody")).isEqualTo(2);
        assertThat(out2.toString()).contains("no peer named nobody");
    }
}
