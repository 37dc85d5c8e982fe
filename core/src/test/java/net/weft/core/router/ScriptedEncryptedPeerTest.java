package net.weft.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import net.weft.core.Router;
import net.weft.core.RouterConfig;
import net.weft.core.Step;
import net.weft.core.crypto.Box;
import net.weft.core.crypto.SecretBox;
import net.weft.core.crypto.SessionKey;
import net.weft.core.crypto.SleeveCrypto;
import net.weft.core.crypto.SleeveOpenOutcome;
import net.weft.core.crypto.SleeveOpener;
import net.weft.core.crypto.TcpCrypto;
import net.weft.core.crypto.X25519;
import net.weft.core.effect.Effect;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.input.Input;
import net.weft.core.overlay.SleeveFrame;
import net.weft.core.overlay.SleevePacket;
import net.weft.core.overlay.SpecialFrames;
import net.weft.core.rng.SplitMix64;
import net.weft.core.trace.TraceEvent;
import net.weft.core.wire.Features;
import net.weft.core.wire.FrameReader;
import net.weft.core.wire.ParseResult;
import net.weft.core.wire.ProtocolHeader;
import org.junit.jupiter.api.Test;

/**
 * A scripted Weave peer with a known key pair dials a router that has a password. The script derives the
 * session key on its own from the crypto primitives, so it checks the router's key schedule and nonces
 * independently, and it can craft what no honest router sends: sleeve packets far ahead of or behind the
 * replay window, a TCP frame out of sequence, a low-order public key.
 */
class ScriptedEncryptedPeerTest {

    private static final String PASSWORD = "s3cret";
    private static final PeerName US = PeerName.of("aa:00:00:00:00:01");
    private static final PeerName THEM = PeerName.of("aa:00:00:00:00:02");
    private static final ConnectionId IN = ConnectionId.inbound(1);
    private static final Endpoint THEIR_ADDRESS = new Endpoint("192.0.2.2", 6783);
    private static final long THEIR_CONN_ID = 12345;
    private static final long WINDOW = 1L << 20;
    private static final long MS = 1_000_000L;

    private final List<TraceEvent> trace = new ArrayList<>();
    private final Router router = new Router(RouterConfig.defaults(US, "us", new PeerUid(111), 7)
            .withPassword(PASSWORD), new SplitMix64(1), trace::add);
    private final byte[] theirPrivate = new byte[X25519.KEY_BYTES];
    private final FrameReader fromRouter = new FrameReader();
    private byte[] sessionKey;
    private TcpCrypto.Sealer sealer;
    private TcpCrypto.Opener opener;
    private long nowNs;

    ScriptedEncryptedPeerTest() {
        for (int i = 0; i < theirPrivate.length; i++) {
            theirPrivate[i] = (byte) (3 * i + 1);
        }
    }

    @Test
    void theRoutersFeaturesOpenWithTheIndependentlyDerivedKeyAndTheConnectionRegisters() {
        SortedMap<String, String> routerFeatures = handshake();

        assertThat(routerFeatures).containsEntry("Name", US.toString()).containsEntry("PeerNameFlavour", "mac");
        assertThat(router.view().connections()).singleElement().satisfies(c -> {
            assertThat(c.remote()).isEqualTo(THEM);
            assertThat(c.encrypted()).isTrue();
            assertThat(c.mtu()).isEqualTo(1414);
        });
    }

    @Test
    void aHeartbeatFarAheadIsAcceptedAndLaterOnesFromTheOldWindowAreTooOld() {
        long connUid = THEIR_CONN_ID ^ Long.parseUnsignedLong(handshake().get("ConnID"));

        Step accepted = datagram(sealedHeartbeat(connUid, 3 * WINDOW));
        assertThat(accepted.effects()).filteredOn(e -> e instanceof Effect.SendDatagram).singleElement()
                .satisfies(e -> assertThat(openedByUs((Effect.SendDatagram) e)).isEqualTo(SleeveOpenOutcome.OK));
        assertThat(tcpBodies(accepted)).as("ConnectionEstablished, sealed").isNotEmpty();

        datagram(sealedHeartbeat(connUid, 5));
        datagram(sealedHeartbeat(connUid, 2 * WINDOW - 1));
        datagram(sealedHeartbeat(connUid, 3 * WINDOW));

        assertThat(router.view().counters()).containsEntry("sleeve_too_old:" + THEM, 2L)
                .containsEntry("sleeve_replays:" + THEM, 1L);
        assertThat(trace).filteredOn(e -> e instanceof TraceEvent.DatagramDropped)
                .extracting(e -> ((TraceEvent.DatagramDropped) e).reason())
                .anySatisfy(r -> assertThat(r).contains("older than the replay window"));
        assertThat(router.view().connections()).hasSize(1);
    }

    @Test
    void aControlFrameSealedOutOfSequenceClosesTheConnection() {
        handshake();
        sealer.seal(new byte[] {0});

        Step s = send(FrameReader.frame(sealer.seal(new byte[] {0})));

        assertThat(s.effects()).filteredOn(e -> e instanceof Effect.CloseConnection).singleElement()
                .satisfies(e -> assertThat(((Effect.CloseConnection) e).reason())
                        .startsWith("unable to decrypt TCP msg 1"));
        assertThat(trace).filteredOn(e -> e instanceof TraceEvent.PeerMisbehaved).singleElement()
                .satisfies(e -> assertThat(((TraceEvent.PeerMisbehaved) e).reason())
                        .startsWith("unable to decrypt TCP msg 1"));
        assertThat(router.view().connections()).isEmpty();
    }

    @Test
    void aLowOrderPublicKeyIsRefused() {
        accept();
        byte[] flagAndZeroKey = new byte[1 + X25519.KEY_BYTES];
        flagAndZeroKey[0] = 1;

        Step s = send(concat(ProtocolHeader.encode(1, 2), flagAndZeroKey));

        assertThat(s.effects()).filteredOn(e -> e instanceof Effect.CloseConnection).singleElement()
                .satisfies(e -> assertThat(((Effect.CloseConnection) e).reason())
                        .contains("unusable peer public key"));
        assertThat(router.view().connections()).isEmpty();
    }

    @Test
    void aPlainPeerIsRefusedWithWeavesWords() {
        accept();

        Step s = send(concat(ProtocolHeader.encode(1, 2), new byte[] {0}));

        assertThat(s.effects()).filteredOn(e -> e instanceof Effect.CloseConnection).singleElement()
                .satisfies(e -> assertThat(((Effect.CloseConnection) e).reason())
                        .isEqualTo("password specified, but peer requested an unencrypted connection"));
    }

    /** Runs the encrypted handshake from the peer's side and returns the router's (opened) features. */
    private SortedMap<String, String> handshake() {
        Step first = accept();
        byte[] flagAndKey = new byte[1 + X25519.KEY_BYTES];
        flagAndKey[0] = 1;
        System.arraycopy(X25519.publicKey(theirPrivate), 0, flagAndKey, 1, X25519.KEY_BYTES);
        Step second = send(concat(ProtocolHeader.encode(1, 2), flagAndKey));

        byte[] written = concat(allBytes(first), allBytes(second));
        assertThat(written[7]).as("encryption flag").isEqualTo((byte) 1);
        byte[] routerPublic = java.util.Arrays.copyOfRange(written, 8, 8 + X25519.KEY_BYTES);
        sessionKey = SessionKey.derive(Box.beforenm(routerPublic, theirPrivate).value(),
                PASSWORD.getBytes(StandardCharsets.UTF_8));
        sealer = new TcpCrypto.Sealer(sessionKey, true);
        opener = new TcpCrypto.Opener(sessionKey, true);
        fromRouter.feed(java.util.Arrays.copyOfRange(written, 8 + X25519.KEY_BYTES, written.length));
        ParseResult<byte[]> features = opener.open(fromRouter.next().orElseThrow());
        assertThat(features.isOk()).as("router's features open with our key: %s", features).isTrue();

        Step third = send(FrameReader.frame(sealer.seal(Features.encode(ourFeatures()))));
        assertThat(third.effects()).noneMatch(e -> e instanceof Effect.CloseConnection);
        tcpBodies(third);
        return Features.decode(features.value()).value();
    }

    private Step accept() {
        return router.step(nowNs, new Input.InboundAccepted(IN, new Endpoint("192.0.2.2", 40000),
                new Endpoint("192.0.2.1", 6783)));
    }

    private Step send(byte[] bytes) {
        nowNs += MS;
        return router.step(nowNs, new Input.BytesReceived(IN, bytes));
    }

    private Step datagram(byte[] payload) {
        nowNs += MS;
        return router.step(nowNs, new Input.DatagramReceived(THEIR_ADDRESS, payload));
    }

    /** Opens the sealed TCP frames of a step in order, as the peer would; fails the test on any error. */
    private List<byte[]> tcpBodies(Step s) {
        fromRouter.feed(allBytes(s));
        List<byte[]> bodies = new ArrayList<>();
        for (Optional<byte[]> next = fromRouter.next(); next.isPresent(); next = fromRouter.next()) {
            ParseResult<byte[]> body = opener.open(next.get());
            assertThat(body.isOk()).as("%s", body).isTrue();
            bodies.add(body.value());
        }
        return bodies;
    }

    /** A sleeve heartbeat as Weave seals it, with any sequence number on the non-DF path. */
    private byte[] sealedHeartbeat(long connUid, long sequence) {
        byte[] plain = SleevePacket.encode(THEM, List.of(new SleeveFrame(THEM, US, SpecialFrames.heartbeat(connUid))));
        byte[] frames = java.util.Arrays.copyOfRange(plain, SleevePacket.SENDER_BYTES, plain.length);
        byte[] nonce = new byte[SecretBox.NONCE_BYTES];
        nonce[0] = (byte) 0x80;
        byte[] packet = new byte[SleeveCrypto.BOX_OFFSET];
        THEM.writeTo(packet, 0);
        for (int i = 0; i < Long.BYTES; i++) {
            byte b = (byte) (sequence >>> (8 * (Long.BYTES - 1 - i)));
            nonce[16 + i] = b;
            packet[SleeveCrypto.SEQ_NO_AND_DF_OFFSET + i] = b;
        }
        return concat(packet, SecretBox.seal(sessionKey, nonce, frames));
    }

    private SleeveOpenOutcome openedByUs(Effect.SendDatagram d) {
        byte[] out = new byte[d.payload().length];
        assertThat(PeerName.fromBytes(d.payload(), 0)).isEqualTo(US);
        return new SleeveOpener(sessionKey, true).open(d.payload(), 0, d.payload().length, out, 0);
    }

    private static byte[] allBytes(Step s) {
        byte[] all = new byte[0];
        for (Effect e : s.effects()) {
            if (e instanceof Effect.SendBytes b) {
                all = concat(all, b.bytes());
            }
        }
        return all;
    }

    private static SortedMap<String, String> ourFeatures() {
        SortedMap<String, String> f = new TreeMap<>();
        f.put("PeerNameFlavour", "mac");
        f.put("Name", THEM.toString());
        f.put("NickName", "them");
        f.put("UID", "222");
        f.put("ConnID", Long.toString(THEIR_CONN_ID));
        f.put("ShortID", "9");
        f.put("Trusted", "false");
        f.put("Overlays", "sleeve");
        return f;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
