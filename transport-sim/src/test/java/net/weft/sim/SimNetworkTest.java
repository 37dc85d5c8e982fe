package net.weft.sim;

import static net.weft.sim.Cluster.MS;
import static net.weft.sim.Cluster.S;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.weft.core.Step;
import net.weft.core.effect.Effect;
import net.weft.core.id.ConnectionId;
import net.weft.core.input.Input;
import net.weft.core.view.RouterView;
import net.weft.sim.frame.PingReport;
import org.junit.jupiter.api.Test;

/** The engine's network mechanics, exercised with {@link EchoNode} stand-ins instead of the real router. */
class SimNetworkTest {

    private final Map<String, List<EchoNode>> nodes = new LinkedHashMap<>();

    private Cluster cluster(long seed) {
        return new Cluster(seed, (config, rng, trace) -> {
            EchoNode n = new EchoNode(config);
            nodes.computeIfAbsent(config.nickname(), k -> new ArrayList<>()).add(n);
            return n;
        });
    }

    private EchoNode node(String name) {
        List<EchoNode> all = nodes.get(name);
        return all.get(all.size() - 1);
    }

    @Test
    void linkedPeersConnectAndLearnEachOtherThroughTheirBytes() {
        Cluster c = cluster(1);
        c.link("p1", "p2");
        c.startAll();
        c.runFor(10 * MS);
        assertThat(node("p1").remotes.values()).containsOnly(c.network().peerName(c.index("p2"))).hasSize(2);
        assertThat(node("p2").remotes.values()).containsOnly(c.network().peerName(c.index("p1"))).hasSize(2);
        assertThat(node("p2").open.keySet()).containsExactly(ConnectionId.inbound(1), new ConnectionId(1));
        assertThat(c.network().counter(Counter.DIALS_CONNECTED)).isEqualTo(2);
    }

    @Test
    void dialsToUnlinkedOrDownHostsFailWithTheRightReason() {
        Cluster c = cluster(2);
        c.link("p1", "p2");
        c.peer("p3");
        c.network().start(c.index("p1"));
        c.runFor(10 * MS);
        assertThat(node("p1").dialFailures).containsExactly("connect: connection refused");
        c.network().feed(c.network().host(c.index("p1")),
                new Input.ConnectRequested(List.of(c.network().ip(c.index("p3")) + ":6783"), false));
        c.runFor(10 * MS);
        assertThat(node("p1").dialFailures).last().isEqualTo("connect: no route to host");
    }

    @Test
    void streamBytesArriveInOrderEvenWhenLatencyDrops() {
        Cluster c = cluster(3);
        c.link("p1", "p2", LinkParams.defaults().withLatencyNs(50 * MS));
        c.startAll();
        c.runFor(1 * S);
        SimNetwork net = c.network();
        Host h1 = net.host(c.index("p1"));
        StringBuilder expected = new StringBuilder();
        for (int k = 0; k < 20; k++) {
            if (k == 10) {
                net.link(c.index("p1"), c.index("p2"), LinkParams.defaults().withLatencyNs(1 * MS));
            }
            String msg = "<" + k + ">";
            expected.append(msg);
            new Transport(net).execute(h1, node("p1").sendAll(msg));
        }
        c.runFor(1 * S);
        String got = node("p2").streams.firstEntry().getValue().toString();
        assertThat(got).endsWith(expected.toString());
    }

    @Test
    void aCutBreaksConnectionsOnBothEndsAndHealingLetsThemDialAgain() {
        Cluster c = cluster(4);
        c.link("p1", "p2");
        c.startAll();
        c.runFor(1 * S);
        c.cut("p1", "p2");
        c.runFor(1 * S);
        assertThat(node("p1").closedReasons).hasSize(2);
        assertThat(node("p2").closedReasons).hasSize(2);
        assertThat(c.network().openConnections(c.index("p1"))).isEmpty();
        c.heal("p1", "p2");
        c.network().feed(c.network().host(c.index("p1")),
                new Input.ConnectRequested(List.of(c.network().ip(c.index("p2")) + ":6783"), false));
        c.runFor(1 * S);
        assertThat(node("p2").remotes).hasSize(1);
        c.partition(List.of(List.of("p1"), List.of("p2")));
        c.runFor(1 * S);
        assertThat(node("p2").remotes).isEmpty();
    }

    @Test
    void aCrashResetsThePeersConnectionsAndARestartComesBackWithANewUid() {
        Cluster c = cluster(5);
        c.link("p1", "p2");
        c.link("p2", "p3");
        c.startAll();
        c.runFor(1 * S);
        long uid = c.network().uid(c.index("p2"));
        c.crash("p2");
        c.runFor(1 * S);
        assertThat(node("p1").closedReasons).containsExactly("connection reset by peer", "connection reset by peer");
        assertThat(node("p3").closedReasons).containsExactly("connection reset by peer", "connection reset by peer");
        c.restart("p2");
        c.runFor(1 * S);
        assertThat(c.network().uid(c.index("p2"))).isNotEqualTo(uid).isNotZero();
        assertThat(node("p2").remotes).hasSize(2);
        assertThat(c.view("p2").name()).isEqualTo(c.network().peerName(c.index("p2")));
    }

    @Test
    void aPausedPeerGetsItsHeldInputsInOrderOnResume() {
        Cluster c = cluster(6);
        c.link("p1", "p2");
        c.startAll();
        c.runFor(1 * S);
        c.pause("p2");
        SimNetwork net = c.network();
        new Transport(net).execute(net.host(c.index("p1")), node("p1").sendAll("abc"));
        new Transport(net).execute(net.host(c.index("p1")), node("p1").sendAll("def"));
        c.runFor(5 * S);
        assertThat(node("p2").streams.firstEntry().getValue().toString()).doesNotContain("abc");
        c.resume("p2");
        c.runFor(10 * MS);
        assertThat(node("p2").streams.firstEntry().getValue().toString()).endsWith("abcdef");
    }

    @Test
    void datagramsAboveTheMtuAreDroppedAndLossIsDrawnFromTheSeed() {
        Cluster c = cluster(7);
        c.link("p1", "p2", new LinkParams(MS, 0, 0.5, 0, 0, 100));
        c.startAll();
        c.runFor(1 * MS);
        SimNetwork net = c.network();
        Host h1 = net.host(c.index("p1"));
        List<Effect> sends = new ArrayList<>();
        for (int k = 0; k < 1000; k++) {
            sends.add(new Effect.SendDatagram(net.host(c.index("p2")).endpoint, new byte[72]));
        }
        sends.add(new Effect.SendDatagram(net.host(c.index("p2")).endpoint, new byte[73]));
        int before = node("p2").datagrams.size();
        new Transport(net).execute(h1, sends);
        c.runFor(10 * MS);
        int got = node("p2").datagrams.size() - before;
        assertThat(net.dropReasons()).containsEntry("exceeds MTU", 1L);
        assertThat(got).isBetween(400, 600);
        assertThat(net.dropReasons().get("loss")).isEqualTo(1000L - got);
    }

    @Test
    void containersOnOneHostPingThroughTheBridgeAlone() {
        Cluster c = cluster(8);
        c.peer("p1");
        c.container("p1", "a");
        c.container("p1", "b");
        c.startAll();
        PingReport r = c.ping("a", "b", 3);
        c.runFor(5 * S);
        assertThat(r.delivered()).isEqualTo(3);
        assertThat(c.network().counter(Counter.FRAMES_CAPTURED)).as("only the ARP broadcast").isEqualTo(1);
    }

    @Test
    void containersOnLinkedHostsPingThroughTheirRouters() {
        Cluster c = cluster(9);
        c.link("p1", "p2");
        c.container("p1", "c1");
        c.container("p2", "c2");
        c.startAll();
        c.runFor(1 * S);
        PingReport ok = c.ping("c1", "c2", 2);
        c.runFor(3 * S);
        assertThat(ok.delivered()).isEqualTo(2);
        assertThat(ok.rttsNs()).allMatch(rtt -> rtt >= 2 * MS).first().isEqualTo(4 * MS);
        c.containerNamed("c1").clearArpCache();
        c.partition(List.of(List.of("p1"), List.of("p2")));
        PingReport lost = c.ping("c1", "c2", 2);
        c.runFor(3 * S);
        assertThat(lost.delivered()).isZero();
        assertThat(lost.lostByReason()).containsEntry("no ARP reply", 2);
    }

    @Test
    void addingAPeerLeavesTheOthersIdentitiesAlone() {
        Cluster small = cluster(10);
        small.peer("a");
        small.peer("b");
        Cluster big = cluster(10);
        big.peer("a");
        big.peer("b");
        big.peer("c");
        assertThat(big.network().peerName(1)).isEqualTo(small.network().peerName(1));
        assertThat(big.network().ip(1)).isEqualTo(small.network().ip(1));
    }

    @Test
    void theSameSeedGivesTheSameTraceAndAnotherSeedAnother() {
        assertThat(traceHash(11)).isEqualTo(traceHash(11)).isNotEqualTo(traceHash(12));
    }

    private long traceHash(long seed) {
        Cluster c = cluster(seed);
        c.setDefaultLink(new LinkParams(2 * MS, 3 * MS, 0.2, 0.1, 0.3, 1500));
        c.link("p1", "p2");
        c.link("p2", "p3");
        TraceRecorder rec = new TraceRecorder(null, c.network()::nickname);
        c.observe(rec);
        c.startAll();
        c.at(3 * S, () -> c.crash("p2"));
        c.at(4 * S, () -> c.restart("p2"));
        c.runFor(10 * S);
        assertThat(rec.lines()).isGreaterThan(50);
        return rec.hash();
    }

    @Test
    void timersFireAtTheLastDeadlineOnly() {
        List<Long> ticks = new ArrayList<>();
        Cluster c = new Cluster(1, (config, rng, trace) -> new SimNode() {
            private int steps;

            @Override
            public Step step(long nowNs, Input input) {
                if (input instanceof Input.Tick) {
                    ticks.add(nowNs);
                }
                steps++;
                return new Step(List.of(), steps == 1 ? 5 * S : steps == 2 ? 7 * S : Step.NO_DEADLINE);
            }

            @Override
            public RouterView view() {
                return null;
            }
        });
        c.peer("p1");
        c.startAll();
        c.network().feed(c.network().host(0), new Input.ForgetRequested(List.of()));
        c.runFor(20 * S);
        assertThat(ticks).containsExactly(7 * S);
    }

    @Test
    void aOneWayBlockBreaksTcpButLetsDatagramsFlowTheOtherWay() {
        Cluster c = cluster(13);
        c.link("p1", "p2");
        c.startAll();
        c.runFor(1 * S);
        c.blockOneWay(List.of("p1"), List.of("p2"));
        c.runFor(1 * S);
        assertThat(node("p1").closedReasons).hasSize(2);
        SimNetwork net = c.network();
        int before1 = node("p1").datagrams.size();
        int before2 = node("p2").datagrams.size();
        new Transport(net).execute(net.host(c.index("p1")),
                List.of(new Effect.SendDatagram(net.host(c.index("p2")).endpoint, new byte[] {'x'})));
        new Transport(net).execute(net.host(c.index("p2")),
                List.of(new Effect.SendDatagram(net.host(c.index("p1")).endpoint, new byte[] {'y'})));
        c.runFor(10 * MS);
        assertThat(node("p2").datagrams.size()).isEqualTo(before2);
        assertThat(node("p1").datagrams.size()).isEqualTo(before1 + 1);
        assertThat(net.dropReasons()).containsEntry("link down", 1L);
    }

    @Test
    void aJoiningPeerDialsItsLinksAndALeavingOneIsGoneForGood() {
        Cluster c = cluster(14);
        c.link("p1", "p2");
        c.startAll();
        c.runFor(1 * S);
        c.join("p3", List.of("p1"));
        c.runFor(1 * S);
        assertThat(node("p3").remotes.values()).containsOnly(c.network().peerName(c.index("p1")));
        c.leave("p3");
        c.runFor(1 * S);
        assertThat(c.network().state(c.index("p3"))).isEqualTo(HostState.GONE);
        assertThat(c.network().linked(c.index("p1"), c.index("p3"))).isFalse();
        assertThat(node("p1").closedReasons).contains("connection reset by peer");
    }
}
