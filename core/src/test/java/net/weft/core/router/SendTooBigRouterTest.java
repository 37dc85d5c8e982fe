package net.weft.core.router;

import static net.weft.core.router.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.weft.core.input.Input;
import net.weft.core.trace.TraceEvent;
import net.weft.core.view.ConnectionView;
import org.junit.jupiter.api.Test;

/**
 * Path-MTU discovery through the router: the connection's MTU is verified once established and shown in the
 * view, and a host's EMSGSIZE report ({@link Input.SendTooBig}) lowers it at once; the oversize handling then
 * answers DF frames with the lower MTU.
 */
class SendTooBigRouterTest {

    private static final long S = 1000 * MS;

    private static TestNet connectedPair() {
        return OversizeFrameRouterTest.connectedPairWhereH1KnowsHost2();
    }

    private static int mtuAt(TestNet net, String host) {
        return net.routers.get(host).view().connections().stream().mapToInt(ConnectionView::mtu).findFirst()
                .orElseThrow();
    }

    private static List<Integer> verifiedMtus(TestNet net, String host) {
        return net.trace.stream().filter(e -> e instanceof TraceEvent.MtuVerified v
                && v.self().equals(net.routers.get(host).view().name()))
                .map(e -> ((TraceEvent.MtuVerified) e).mtu()).toList();
    }

    @Test
    void onAPathThatCarriesTheConfiguredMtuItIsVerifiedOnceAtEachEnd() {
        TestNet net = connectedPair();
        assertThat(mtuAt(net, "h1")).isEqualTo(1438);
        assertThat(verifiedMtus(net, "h1")).containsExactly(1438);
        assertThat(verifiedMtus(net, "h2")).containsExactly(1438);
    }

    @Test
    void anEmsgsizeReportLowersTheMtuAtOnceAndTheIcmpAnswerCarriesIt() {
        TestNet net = connectedPair();

        net.input("h1", new Input.SendTooBig(net.address("h2"), 1400));
        net.runFor(1 * MS);
        assertThat(mtuAt(net, "h1")).as("1400 - 62, applied before the probe's answer").isEqualTo(1338);
        net.runFor(1 * S);
        assertThat(verifiedMtus(net, "h1")).containsExactly(1438, 1338);
        assertThat(mtuAt(net, "h2")).as("the other direction keeps its own").isEqualTo(1438);

        net.input("h1", new Input.FrameCaptured(OversizeFrameRouterTest.ipv4(2, 1400, true)));
        net.runFor(1 * S);
        assertThat(net.delivered.get("h1")).singleElement()
                .satisfies(icmp -> assertThat(((icmp[40] & 0xFF) << 8) | (icmp[41] & 0xFF)).isEqualTo(1338));
        assertThat(net.delivered.get("h2")).isEmpty();
    }

    @Test
    void aReportForAnAddressNoConnectionSendsToChangesNothing() {
        TestNet net = connectedPair();
        net.input("h1", new Input.SendTooBig(net.address("h1"), 600));
        net.runFor(1 * S);
        assertThat(mtuAt(net, "h1")).isEqualTo(1438);
    }
}
