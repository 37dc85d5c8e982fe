package net.weft.viz.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.weft.core.conn.ConnectionState;
import net.weft.core.id.PeerName;
import net.weft.core.view.RouterView;
import net.weft.core.wire.ParseResult;
import org.junit.jupiter.api.Test;

/** Weave's /report JSON (captured from a real Weave 2.8.1 mesh) read into a router view. */
class ReportParserTest {

    private static final PeerName H1 = PeerName.of("aa:00:00:00:00:01");
    private static final PeerName H2 = PeerName.of("aa:00:00:00:00:02");
    private static final PeerName H3 = PeerName.of("aa:00:00:00:00:03");

    @Test
    void aRealWeaveReportBecomesARouterView() throws Exception {
        ParseResult<RouterView> r = ReportParser.parse(Files.readString(Path.of("src/test/resources/report-h1.json")));
        assertThat(r).isInstanceOf(ParseResult.Ok.class);
        RouterView v = ((ParseResult.Ok<RouterView>) r).value();
        assertThat(v.name()).isEqualTo(H1);
        assertThat(v.nickname()).isEqualTo("wzh1");
        assertThat(v.uid().value()).isEqualTo(3113621214081119662L);
        assertThat(v.peers()).hasSize(3);
        assertThat(v.connections()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(ConnectionState.ESTABLISHED);
            assertThat(c.remote()).isEqualTo(H2);
            assertThat(c.overlay()).isEqualTo("sleeve");
            assertThat(c.mtu()).isEqualTo(1438);
        });
        assertThat(v.unicastRoutes()).containsEntry(H3, H2).containsEntry(H1, PeerName.UNKNOWN);
        assertThat(v.broadcastRoutes()).containsEntry(H1, List.of(H2));
        assertThat(v.macs()).hasSize(3);
    }

    @Test
    void garbageIsRejectedWithAReasonNotThrown() {
        for (String bad : List.of("", "{", "[1,]", "{\"Router\": 3}", "{\"Router\": {\"Name\": \"zz\"}}",
                "{\"a\":\"\\q\"}", "nul", "01", "{\"x\": 1} trailing", "[".repeat(100))) {
            assertThat(ReportParser.parse(bad)).as(bad).isInstanceOf(ParseResult.Rejected.class);
        }
    }

    @Test
    void noTextMakesTheParsersThrow() {
        qt().withExamples(500).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 60)).checkAssert(t -> {
            assertThat(JsonReader.parse(t)).isNotNull();
            assertThat(ReportParser.parse("{\"Router\": {\"Name\": \"aa::1\", \"Peers\": [" + t + "]}}"))
                    .isNotNull();
        });
    }

    @Test
    void jsonValuesOfEveryKindAreRead() {
        ParseResult<Object> r = JsonReader.parse(" {\"s\": \"a\\n\\u00e9\", \"n\": -1.5e3, \"t\": true, \"z\": null, "
                + "\"l\": [1, {}], \"big\": 18446744073709551615} ");
        assertThat(r).isInstanceOf(ParseResult.Ok.class);
        assertThat(((ParseResult.Ok<Object>) r).value().toString())
                .isEqualTo("{s=a\né, n=-1.5E+3, t=true, z=null, l=[1, {}], big=18446744073709551615}");
    }
}
