package net.weft.core.router;

import static net.weft.core.router.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.weft.core.conn.ConnectionState;
import net.weft.core.crypto.SecretBoxEngine;
import net.weft.core.crypto.SleeveCrypto;
import net.weft.core.id.PeerName;
import net.weft.core.input.Input;
import net.weft.core.overlay.SleeveFrame;
import net.weft.core.overlay.SleevePacket;
import net.weft.core.trace.TraceEvent;
import net.weft.core.view.ConnectionView;
import net.weft.core.view.RouterView;
import org.junit.jupiter.api.Test;

/**
 * Routers with a password, end to end through the test network: the handshake seals the control channel, the
 * sleeve seals datagrams between untrusted peers, and the mesh behaves exactly as a plain one does.
 */
class EncryptedMeshTest {

    private static final long S = 1000 * MS;
    private static final String PASSWORD = "correct horse battery staple";
    /** A sealed heartbeat: sender 6 + seqNoAndDF 8 + tag 16 + frame header 14 + special frame 22 (Weave: 66). */
    private static final int SEALED_HEARTBEAT_BYTES = 66;
    /** A sealed PMTU probe for 1414: 30 + frame header 14 + a 1428-byte special frame, 1500 with IPv4 and UDP. */
    private static final int SEALED_PROBE_BYTES = 1472;
    /** A plain heartbeat: sender 6 + frame header 14 + special frame 22. */
    private static final int PLAIN_HEARTBEAT_BYTES = 42;

    @Test
    void twoPeersWithAPasswordEstablishAndShowEncryptedConnectionsWithTheSmallerMtu() {
        TestNet net = pair(PASSWORD, PASSWORD);
        net.runFor(5 * S);

        for (String h : List.of("h1", "h2")) {
            RouterView v = net.routers.get(h).view();
            assertThat(v.encryption()).isTrue();
            assertThat(v.connections()).singleElement().satisfies(c -> {
                assertThat(c.state()).isEqualTo(ConnectionState.ESTABLISHED);
                assertThat(c.encrypted()).isTrue();
                assertThat(c.mtu()).isEqualTo(1414);
            });
            assertThat(v.peers()).hasSize(2);
        }
        assertThat(net.routers.get("h1").view().unicastRoutes()).containsEntry(name(net, "h2"), name(net, "h2"));
    }

    @Test
    void theControlChannelNeverCarriesTheFeaturesOrGossipInClear() {
        TestNet net = pair(PASSWORD, PASSWORD);
        net.runFor(5 * S);

        assertThat(net.tcpWrites).hasSizeGreaterThan(6);
        for (TestNet.SentBytes w : net.tcpWrites) {
            String text = new String(w.bytes(), StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain("PeerNameFlavour").doesNotContain("topology");
        }
    }

    @Test
    void sleeveDatagramsBetweenUntrustedPeersAreSealedWithCountingSequenceNumbers() {
        TestNet net = pair(PASSWORD, PASSWORD);
        net.runFor(25 * S);

        List<TestNet.SentDatagram> fromH1 = net.datagrams.stream().filter(d -> d.from().equals("h1")).toList();
        assertThat(fromH1).hasSizeGreaterThan(2);
        assertThat(fromH1).as("one PMTU probe, verified at once").filteredOn(d -> d.payload().length
                == SEALED_PROBE_BYTES).hasSize(1);
        for (int i = 0; i < fromH1.size(); i++) {
            byte[] p = fromH1.get(i).payload();
            assertThat(p.length).isIn(SEALED_HEARTBEAT_BYTES, SEALED_PROBE_BYTES);
            assertThat(PeerName.fromBytes(p, 0)).isEqualTo(name(net, "h1"));
            assertThat(SleeveCrypto.readSeqNoAndDf(p, 0)).as("DF path, sequence %d", i)
                    .isEqualTo(SleeveCrypto.seqNoAndDf(true, i));
        }
    }

    @Test
    void theSleeveSealsAndOpensWithTheSecretBoxesTheConfigurationSupplies() {
        List<Integer> keysSeen = new java.util.ArrayList<>();
        SecretBoxEngine.Factory counting = new SecretBoxEngine.Factory() {
            @Override
            public SecretBoxEngine create(byte[] key) {
                keysSeen.add(key.length);
                return SecretBoxEngine.JAVA.create(key);
            }

            @Override
            public String name() {
                return "counting";
            }
        };
        TestNet net = new TestNet();
        net.add("h1", 1, cfg -> cfg.withPassword(PASSWORD).withSecretBoxes(counting));
        net.add("h2", 2, cfg -> cfg.withPassword(PASSWORD));
        connect(net);
        net.runFor(5 * S);

        assertThat(net.routers.get("h1").view().connections()).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(ConnectionState.ESTABLISHED));
        assertThat(keysSeen).as("h1's sealing box and its two opening boxes, all on the session key")
                .containsExactly(32, 32, 32);
    }

    @Test
    void fiveEncryptedPeersInAPartialMeshRouteBroadcastAndUnicastLikePlainOnes() {
        TestNet net = new TestNet();
        for (int i = 1; i <= 5; i++) {
            net.add("p" + i, i, cfg -> cfg.withPassword(PASSWORD));
        }
        String[][] links = {{"p1", "p2"}, {"p1", "p3"}, {"p3", "p4"}, {"p3", "p5"}};
        for (String[] l : links) {
            net.link(l[0], l[1]);
            net.input(l[0], new Input.ConnectRequested(List.of(net.address(l[1]).host()), false));
        }
        net.runFor(10 * S);

        PeerName p3 = name(net, "p3");
        assertThat(net.routers.get("p1").view().unicastRoutes()).containsEntry(name(net, "p4"), p3)
                .containsEntry(name(net, "p5"), p3);
        for (String h : net.routers.keySet()) {
            RouterView v = net.routers.get(h).view();
            assertThat(v.peers()).as(h).hasSize(5);
            assertThat(v.connections()).as(h).allSatisfy(c -> assertThat(c.encrypted()).isTrue());
        }

        net.input("p1", new Input.FrameCaptured(Frames.broadcastFrom(1)));
        net.runFor(1 * S);
        assertThat(net.delivered.get("p1")).isEmpty();
        for (String h : List.of("p2", "p3", "p4", "p5")) {
            assertThat(net.delivered.get(h)).as(h).hasSize(1);
        }

        net.input("p5", new Input.FrameCaptured(Frames.unicast(5, 1)));
        net.runFor(1 * S);
        assertThat(net.delivered.get("p1")).singleElement()
                .satisfies(f -> assertThat(f).isEqualTo(Frames.unicast(5, 1)));
        for (String h : List.of("p2", "p3", "p4", "p5")) {
            assertThat(net.delivered.get(h)).as(h).hasSize(1);
        }
    }

    @Test
    void aWrongPasswordFailsTheFeaturesFrameOnBothSides() {
        TestNet net = pair(PASSWORD, "another password");
        net.runFor(2 * S);

        for (String h : List.of("h1", "h2")) {
            PeerName self = name(net, h);
            assertThat(net.trace).filteredOn(e -> e instanceof TraceEvent.PeerMisbehaved && e.self().equals(self))
                    .as(h).isNotEmpty()
                    .allSatisfy(e -> assertThat(((TraceEvent.PeerMisbehaved) e).reason())
                            .startsWith("unable to decrypt TCP msg 0"));
            assertThat(closeReasons(net, self)).as(h).isNotEmpty()
                    .allSatisfy(r -> assertThat(r).startsWith("unable to decrypt TCP msg 0"));
            assertThat(net.routers.get(h).view().peers()).as(h).hasSize(1);
        }
    }

    @Test
    void aPasswordOnOneSideOnlyIsRefusedWithWeavesWordsOnBothSides() {
        TestNet net = pair(PASSWORD, "");
        net.runFor(2 * S);

        assertThat(closeReasons(net, name(net, "h1")))
                .contains("password specified, but peer requested an unencrypted connection");
        assertThat(closeReasons(net, name(net, "h2")))
                .contains("no password specificed, but peer requested an encrypted connection");
        assertThat(net.trace).filteredOn(e -> e instanceof TraceEvent.PeerMisbehaved).hasSizeGreaterThanOrEqualTo(2);
        assertThat(net.datagrams).isEmpty();
    }

    @Test
    void aBitFlippedControlFrameAfterTheHandshakeClosesTheConnection() {
        TestNet net = pair(PASSWORD, PASSWORD);
        net.runFor(5 * S);
        net.tamperNextWrite("h1", bytes -> {
            bytes[bytes.length - 1] ^= 0x01;
            return bytes;
        });
        net.runFor(30 * S);

        PeerName h2 = name(net, "h2");
        assertThat(net.trace).filteredOn(e -> e instanceof TraceEvent.PeerMisbehaved && e.self().equals(h2))
                .singleElement()
                .satisfies(e -> assertThat(((TraceEvent.PeerMisbehaved) e).reason())
                        .startsWith("unable to decrypt TCP msg"));
        assertThat(closeReasons(net, h2)).anySatisfy(r -> assertThat(r).startsWith("unable to decrypt TCP msg"));
    }

    @Test
    void forgedAndTruncatedSleeveDatagramsInFlightAreDroppedAndCounted() {
        TestNet net = pair(PASSWORD, PASSWORD);
        net.runFor(5 * S);
        net.tamperNextDatagram("h1", bytes -> flipped(bytes, bytes.length - 1));
        net.input("h1", new Input.FrameCaptured(Frames.broadcastFrom(1)));
        net.runFor(10 * MS);
        net.tamperNextDatagram("h1", bytes -> Arrays.copyOf(bytes, bytes.length - 1));
        net.input("h1", new Input.FrameCaptured(Frames.broadcastFrom(1)));
        net.runFor(10 * MS);

        RouterView v2 = net.routers.get("h2").view();
        assertThat(v2.counters()).containsEntry("sleeve_decrypt_failures:" + name(net, "h1"), 2L);
        assertThat(net.delivered.get("h2")).isEmpty();
        assertThat(v2.macs()).isEmpty();
        assertThat(v2.connections()).extracting(ConnectionView::state).containsExactly(ConnectionState.ESTABLISHED);

        net.input("h1", new Input.FrameCaptured(Frames.broadcastFrom(1)));
        net.runFor(10 * MS);
        assertThat(net.delivered.get("h2")).as("later packets still open").hasSize(1);
    }

    @Test
    void replayedRenumberedShortAndPlainSleeveDatagramsAreDroppedCountedAndChangeNothing() {
        TestNet net = pair(PASSWORD, PASSWORD);
        net.runFor(5 * S);
        net.input("h1", new Input.FrameCaptured(Frames.broadcastFrom(1)));
        net.runFor(1 * S);
        byte[] carried = lastDatagram(net, "h1");
        RouterView before = net.routers.get("h2").view();
        assertThat(net.delivered.get("h2")).hasSize(1);

        inject(net, "h1", "h2", carried);
        inject(net, "h1", "h2", flipped(carried, SleeveCrypto.SEQ_NO_AND_DF_OFFSET + 2));
        inject(net, "h1", "h2", Arrays.copyOf(carried, SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED - 1));
        inject(net, "h1", "h2", SleevePacket.encode(name(net, "h1"),
                List.of(new SleeveFrame(name(net, "h1"), name(net, "h2"), Frames.unicast(1, 2)))));
        net.runFor(10 * MS);

        RouterView after = net.routers.get("h2").view();
        String peer = name(net, "h1").toString();
        assertThat(after.counters()).containsEntry("sleeve_replays:" + peer, 1L)
                .containsEntry("sleeve_decrypt_failures:" + peer, 2L)
                .containsEntry("sleeve_malformed:" + peer, 1L);
        assertThat(net.delivered.get("h2")).hasSize(1);
        assertThat(after.macs()).isEqualTo(before.macs());
        assertThat(after.unicastRoutes()).isEqualTo(before.unicastRoutes());
        assertThat(after.connections()).extracting(ConnectionView::state).containsExactly(ConnectionState.ESTABLISHED);
        assertThat(net.trace).filteredOn(e -> e instanceof TraceEvent.DatagramDropped)
                .extracting(e -> ((TraceEvent.DatagramDropped) e).reason())
                .anySatisfy(r -> assertThat(r).contains("replayed"))
                .anySatisfy(r -> assertThat(r).contains("authentication failed"));

        net.input("h1", new Input.FrameCaptured(Frames.broadcastFrom(1)));
        net.runFor(10 * MS);
        assertThat(net.delivered.get("h2")).as("the renumbered forgery did not move the window").hasSize(2);
    }

    @Test
    void mutuallyTrustedPeersExchangePlainSleeveDatagramsOverASealedControlChannel() {
        TestNet net = new TestNet();
        for (int i = 1; i <= 2; i++) {
            net.add("h" + i, i, cfg -> cfg.withPassword(PASSWORD).withTrustedSubnets(List.of("10.0.0.0/24")));
        }
        connect(net);
        net.runFor(5 * S);
        net.input("h1", new Input.FrameCaptured(Frames.broadcastFrom(1)));
        net.runFor(1 * S);

        assertThat(net.delivered.get("h2")).hasSize(1);
        List<TestNet.SentDatagram> fromH1 = net.datagrams.stream().filter(d -> d.from().equals("h1")).toList();
        byte[] heartbeat = fromH1.get(0).payload();
        assertThat(heartbeat).hasSize(PLAIN_HEARTBEAT_BYTES);
        assertThat(PeerName.fromBytes(heartbeat, 0)).isEqualTo(name(net, "h1"));
        assertThat(PeerName.fromBytes(heartbeat, 6)).as("frame source in clear").isEqualTo(name(net, "h1"));
        assertThat(PeerName.fromBytes(heartbeat, 12)).as("frame destination in clear").isEqualTo(name(net, "h2"));
        byte[] data = fromH1.get(fromH1.size() - 1).payload();
        assertThat(SleevePacket.decode(data).isOk()).isTrue();
        assertThat(SleevePacket.decode(data).value().frames().get(0).frame()).isEqualTo(Frames.broadcastFrom(1));
        for (String h : List.of("h1", "h2")) {
            assertThat(net.routers.get(h).view().connections()).singleElement().satisfies(c -> {
                assertThat(c.encrypted()).as("TCP stays sealed").isTrue();
                assertThat(c.mtu()).isEqualTo(1438);
            });
        }
        assertThat(net.tcpWrites).allSatisfy(w -> assertThat(new String(w.bytes(), StandardCharsets.ISO_8859_1))
                .doesNotContain("PeerNameFlavour"));
    }

    @Test
    void trustOnOneSideOnlyKeepsTheSleeveSealed() {
        TestNet net = new TestNet();
        net.add("h1", 1, cfg -> cfg.withPassword(PASSWORD).withTrustedSubnets(List.of("10.0.0.0/24")));
        net.add("h2", 2, cfg -> cfg.withPassword(PASSWORD));
        connect(net);
        net.runFor(5 * S);

        assertThat(net.datagrams).isNotEmpty()
                .allSatisfy(d -> assertThat(d.payload().length).isIn(SEALED_HEARTBEAT_BYTES, SEALED_PROBE_BYTES));
        assertThat(net.routers.get("h1").view().connections()).singleElement()
                .satisfies(c -> assertThat(c.mtu()).isEqualTo(1414));
    }

    @Test
    void theShownOverlayMtuFollowsTheUnderlayMtuSetting() {
        TestNet net = new TestNet();
        net.add("h1", 1, cfg -> cfg.withUnderlayMtu(9000));
        net.add("h2", 2, cfg -> cfg.withUnderlayMtu(9000).withPassword("").withTrustedSubnets(List.of()));
        connect(net);
        net.runFor(5 * S);

        assertThat(net.routers.get("h1").view().connections()).singleElement().satisfies(c -> {
            assertThat(c.encrypted()).isFalse();
            assertThat(c.mtu()).isEqualTo(9000 - 62);
        });
        assertThatThrownBy(() -> net.routers.get("h1").config().withUnderlayMtu(637))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("underlay MTU");
        assertThat(net.routers.get("h1").config().withUnderlayMtu(638).underlayMtu()).isEqualTo(638);
    }

    @Test
    void anEncryptedRunIsReproducibleFromItsSeeds() {
        List<String> first = encryptedRun();
        List<String> second = encryptedRun();

        assertThat(first).hasSizeGreaterThan(10).isEqualTo(second);
        assertThat(first).anySatisfy(line -> assertThat(line).contains("SendDatagram"));
    }

    private static List<String> encryptedRun() {
        TestNet net = pair(PASSWORD, PASSWORD);
        net.runFor(3 * S);
        net.input("h1", new Input.FrameCaptured(Frames.broadcastFrom(1)));
        net.runFor(1 * S);
        return net.effectLog;
    }

    private static TestNet pair(String password1, String password2) {
        TestNet net = new TestNet();
        net.add("h1", 1, cfg -> cfg.withPassword(password1));
        net.add("h2", 2, cfg -> cfg.withPassword(password2));
        connect(net);
        return net;
    }

    private static void connect(TestNet net) {
        net.link("h1", "h2");
        net.input("h2", new Input.ConnectRequested(List.of(net.address("h1").host()), false));
    }

    private static PeerName name(TestNet net, String host) {
        return net.routers.get(host).config().name();
    }

    private static List<String> closeReasons(TestNet net, PeerName self) {
        return net.trace.stream()
                .filter(e -> e instanceof TraceEvent.ConnectionStateChanged c && c.self().equals(self)
                        && c.state() == ConnectionState.CLOSED)
                .map(e -> ((TraceEvent.ConnectionStateChanged) e).reason()).toList();
    }

    private static byte[] lastDatagram(TestNet net, String from) {
        List<TestNet.SentDatagram> sent = net.datagrams.stream()
                .filter(d -> d.from().equals(from) && d.payload().length > SEALED_HEARTBEAT_BYTES).toList();
        return sent.get(sent.size() - 1).payload();
    }

    private static void inject(TestNet net, String from, String to, byte[] payload) {
        net.input(to, new Input.DatagramReceived(net.address(from), payload));
    }

    private static byte[] flipped(byte[] packet, int index) {
        byte[] copy = packet.clone();
        copy[index] ^= 0x40;
        return copy;
    }
}
