package net.weft.viz.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.viz.model.EdgeModel;
import net.weft.viz.model.EdgeState;
import net.weft.viz.model.ForceLayout;
import net.weft.viz.model.MeshScene;
import org.junit.jupiter.api.Test;

/** A real mesh seen through one daemon's report (the fetcher is stubbed; no network). */
class AttachSourceTest {

    @Test
    void oneDaemonsReportShowsTheWholeMeshItKnows() throws Exception {
        String report = Files.readString(Path.of("src/test/resources/report-h1.json"));
        AttachSource src = new AttachSource(List.of("http://h1:6784/"), AttachSource.DEFAULT_REFRESH_NS,
                url -> {
                    assertThat(url).isEqualTo("http://h1:6784/report");
                    return report;
                });
        MeshScene scene = MeshScene.build(src.recording().last(), new ForceLayout(), PeerName.of("aa::1"), List.of());
        assertThat(scene.nodes()).extracting(n -> n.label()).containsExactly("wzh1", "wzh2", "wzh3");
        assertThat(scene.edges()).extracting(EdgeModel::state).containsOnly(EdgeState.ESTABLISHED).hasSize(2);
        assertThat(scene.highlight().unicastPaths().get(PeerName.of("aa::2"))).hasSize(2);
        assertThat(src.status()).isEmpty();
    }

    @Test
    void aDaemonIsPolledOverHttpAndChangesAreRecordedAsTheyCome() throws Exception {
        String report = Files.readString(Path.of("src/test/resources/report-h1.json"));
        String[] body = {report.replace("\"wzh3\"", "\"first\"")};
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/report", ex -> {
            byte[] b = body[0].getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        try (AttachSource src = AttachSource.http(
                List.of("http://127.0.0.1:" + server.getAddress().getPort()), AttachSource.DEFAULT_REFRESH_NS)) {
            assertThat(src.status()).isEmpty();
            assertThat(src.recording().last().byLabel("first")).isNotNull();
            body[0] = report;
            src.pollOnce();
            src.advanceTo(5);
            assertThat(src.recording().frameCount()).isEqualTo(2);
            assertThat(src.recording().frameAt(5).byLabel("wzh3")).isNotNull();
            assertThat(src.recording().frameAt(0).byLabel("first")).isNotNull();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableDaemonIsReportedAndNothingIsThrown() {
        AttachSource src = new AttachSource(List.of("http://gone:6784"), AttachSource.DEFAULT_REFRESH_NS, url -> {
            throw new IllegalStateException("connection refused");
        });
        assertThat(src.status()).contains("http://gone:6784/report").contains("connection refused");
        assertThat(src.recording().last().peers()).isEmpty();
    }
}
