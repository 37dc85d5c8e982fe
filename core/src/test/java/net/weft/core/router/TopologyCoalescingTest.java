package net.weft.core.router;

import static net.weft.core.router.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.weft.core.conn.ConnectionState;
import net.weft.core.id.PeerName;
import net.weft.core.input.Input;
import net.weft.core.trace.TraceEvent;
import org.junit.jupiter.api.Test;

/**
 * Leading-edge coalescing of our own topology changes: in a quiet mesh a new connection is gossiped at once; a
 * second change within the second after it waits for the end of that second, as Weave's deferral would.
 */
class TopologyCoalescingTest {

    private static final long S = 1000 * MS;

    @Test
    void aLoneChangeIsGossipedAtOnceAndTheNextOneWithinASecondWaitsForTheWindow() {
        TestNet net = new TestNet();
        for (int i = 1; i <= 4; i++) {
            net.add("p" + i, i);
        }
        net.link("p1", "p2");
        net.link("p2", "p3");
        net.link("p2", "p4");
        net.input("p1", new Input.ConnectRequested(List.of(net.address("p2").host()), false));
        net.runFor(10 * S);
        PeerName p2 = net.routers.get("p2").config().name();

        net.input("p3", new Input.ConnectRequested(List.of(net.address("p2").host()), false));
        net.runFor(200 * MS);
        net.input("p4", new Input.ConnectRequested(List.of(net.address("p2").host()), false));
        net.runFor(3 * S);

        List<Long> established = net.trace.stream()
                .filter(e -> e instanceof TraceEvent.ConnectionStateChanged c && c.self().equals(p2)
                        && c.state() == ConnectionState.ESTABLISHED && c.atNs() > 10 * S)
                .map(TraceEvent::atNs).toList();
        List<Long> updatesToP1 = net.trace.stream()
                .filter(e -> e instanceof TraceEvent.GossipSent g && g.self().equals(p2) && g.channel().equals("topology")
                        && g.to().equals(net.routers.get("p1").config().name()) && g.atNs() > 10 * S)
                .map(TraceEvent::atNs).toList();
        assertThat(established).hasSize(2);
        assertThat(updatesToP1).as("p2's updates to p1").isNotEmpty();
        assertThat(updatesToP1.get(0) - established.get(0)).as("first update after the first connection")
                .isLessThan(5 * MS);
        assertThat(updatesToP1).as("no update between the two windows").noneMatch(
                t -> t > established.get(1) && t < updatesToP1.get(0) + S - 5 * MS);
        assertThat(updatesToP1).as("the second change goes out when the window ends")
                .anyMatch(t -> t >= updatesToP1.get(0) + S && t < updatesToP1.get(0) + S + 5 * MS);
    }
}
