package net.weft.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.weft.core.conn.ConnectionState;
import net.weft.core.view.ConnectionView;
import net.weft.core.view.PeerView;
import net.weft.core.view.RouterView;
import org.junit.jupiter.api.Test;

/** Scenarios with {@code password:}: the routers really run encrypted, and a wrong password keeps a peer out. */
class EncryptedScenarioTest {

    /** Overlay MTU of the encrypted sleeve on the simulator's 1500-byte underlay. */
    private static final int ENCRYPTED_SLEEVE_MTU = 1414;

    @Test
    void theEncryptedSeedMeshRunsEveryConnectionEncrypted() throws Exception {
        Scenario s = ScenarioParser.load(ScenarioParserTest.LIBRARY.resolve("encrypted-partial-mesh.yaml"));
        assertThat(s.passwordOf("p4")).isEqualTo("correct horse battery staple");
        ScenarioResult r = new ScenarioRunner(s, s.seedOr(null)).run();
        assertThat(r.passed()).as(String.join("\n", r.render())).isTrue();
        for (String p : List.of("p1", "p2", "p3", "p4", "p5")) {
            RouterView v = r.cluster().view(p);
            assertThat(v.encryption()).as(p).isTrue();
            assertThat(established(v)).as(p).isNotEmpty().allSatisfy(c -> {
                assertThat(c.encrypted()).as(p + " -> " + c.remoteNickname()).isTrue();
                assertThat(c.mtu()).as(p + " -> " + c.remoteNickname()).isEqualTo(ENCRYPTED_SLEEVE_MTU);
            });
        }
    }

    @Test
    void aPeerWithTheWrongPasswordNeverJoinsWhileTheOthersMeshAsUsual() throws Exception {
        Scenario s = ScenarioParser.load(ScenarioParserTest.LIBRARY.resolve("wrong-password.yaml"));
        assertThat(s.passwordOf("p4")).isNotEqualTo(s.passwordOf("p1"));
        ScenarioResult r = new ScenarioRunner(s, s.seedOr(null)).run();
        assertThat(r.passed()).as(String.join("\n", r.render())).isTrue();
        for (String p : List.of("p1", "p2", "p3")) {
            RouterView v = r.cluster().view(p);
            assertThat(v.peers()).extracting(PeerView::nickname).as(p).containsExactlyInAnyOrder("p1", "p2", "p3");
            assertThat(established(v)).extracting(ConnectionView::remoteNickname).as(p)
                    .hasSize(2).doesNotContain("p4");
        }
        RouterView outsider = r.cluster().view("p4");
        assertThat(outsider.peers()).extracting(PeerView::nickname).containsExactly("p4");
        assertThat(established(outsider)).isEmpty();
    }

    @Test
    void passwordsRoundTripThroughTheWrittenYaml() {
        Scenario s = ScenarioParser.parse(String.join("\n", "peers: [p1, p2]", "password: 'a \"quoted\" \\\\ secret'",
                "passwords: {p2: ''}"), "pw.yaml");
        Scenario again = ScenarioParser.parse(ScenarioYaml.write(s), "pw.yaml");
        assertThat(again.password()).isEqualTo("a \"quoted\" \\\\ secret");
        assertThat(again.passwordOf("p1")).isEqualTo(s.password());
        assertThat(again.passwordOf("p2")).isEmpty();
    }

    @Test
    void aPasswordForAnUnknownPeerIsReportedWithItsLine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScenarioParser.parse(
                String.join("\n", "peers: [p1]", "passwords: {p9: x}"), "x.yaml"))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("x.yaml:2: unknown key 'p9'");
    }

    private static List<ConnectionView> established(RouterView v) {
        return v.connections().stream().filter(c -> c.state() == ConnectionState.ESTABLISHED).toList();
    }
}
