package net.weft.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import net.weft.core.Router;
import net.weft.core.RouterConfig;
import net.weft.core.Step;
import net.weft.core.effect.Effect;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.input.Input;
import net.weft.core.rng.SplitMix64;
import net.weft.core.trace.TraceEvent;
import net.weft.core.wire.Features;
import net.weft.core.wire.FrameReader;
import net.weft.core.wire.ProtocolHeader;
import org.junit.jupiter.api.Test;

/**
 * A stranger connects to our port and misbehaves at each step of the handshake. Every time the router closes
 * the connection with a clear reason, records the misbehaviour, and never throws.
 */
class HandshakeRefusalTest {

    private static final PeerName US = PeerName.of("aa:00:00:00:00:01");
    private static final PeerUid OUR_UID = new PeerUid(111);
    private static final ConnectionId IN = ConnectionId.inbound(1);
    private static final long S = 1_000_000_000L;

    private final List<TraceEvent> trace = new ArrayList<>();
    private final Router router = new Router(RouterConfig.defaults(US, "us", OUR_UID, 7), new SplitMix64(1),
            trace::add);

    @Test
    void garbageInsteadOfTheHeaderIsRefused() {
        accept();
        assertClosedWith(feed("GET / HTTP/1.1\r\n".getBytes()), "remote protocol header not recognised");
    }

    @Test
    void incompatibleVersionsAreRefused() {
        accept();
        assertClosedWith(feed(ProtocolHeader.encode(3, 4)), "is incompatible");
    }

    @Test
    void aPeerThatOnlySpeaksVersionOneIsRefused() {
        accept();
        assertClosedWith(feed(ProtocolHeader.encode(1, 1)), "is incompatible");
    }

    @Test
    void anEncryptedPeerIsRefusedWhileWeHaveNoPassword() {
        accept();
        byte[] flagAndKey = new byte[33];
        flagAndKey[0] = 1;
        assertClosedWith(feed(concat(ProtocolHeader.encode(1, 2), flagAndKey)),
                "no password specificed, but peer requested an encrypted connection");
    }

    @Test
    void anUnknownEncryptionFlagIsRefused() {
        accept();
        assertClosedWith(feed(concat(ProtocolHeader.encode(1, 2), new byte[] {7})), "Bad encryption flag 7");
    }

    @Test
    void anOversizeFrameIsRefused() {
        accept();
        byte[] hugeLength = {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertClosedWith(feed(concat(ProtocolHeader.encode(1, 2), new byte[] {0}, hugeLength)), "exceeds limit");
    }

    @Test
    void aTruncatedFeaturesGobIsRefused() {
        accept();
        byte[] features = Features.encode(features(PeerName.of("aa:00:00:00:00:02"), 222));
        byte[] truncated = java.util.Arrays.copyOf(features, features.length / 2);
        assertClosedWith(feed(concat(ProtocolHeader.encode(1, 2), new byte[] {0}, FrameReader.frame(truncated))),
                "malformed features");
    }

    @Test
    void featuresWithoutANameAreRefused() {
        accept();
        SortedMap<String, String> f = features(PeerName.of("aa:00:00:00:00:02"), 222);
        f.remove("Name");
        assertClosedWith(feed(intro(f)), "field Name is missing");
    }

    @Test
    void aPeerWithOurNameAndAnotherUidIsANameCollision() {
        accept();
        assertClosedWith(feed(intro(features(US, 999))), "peer names collision");
    }

    @Test
    void connectingToOurselvesIsRefused() {
        accept();
        assertClosedWith(feed(intro(features(US, OUR_UID.value()))), "cannot connect to ourself");
    }

    @Test
    void aClientThatStallsMidHandshakeIsDisconnected() {
        accept();
        feed(new byte[] {'w', 'e', 'a'});
        Step later = router.step(11 * S, Input.Tick.INSTANCE);
        assertClosedWith(later, "handshake timed out");
    }

    @Test
    void aWellBehavedPeerIsRegistered() {
        accept();
        Step s = feed(intro(features(PeerName.of("aa:00:00:00:00:02"), 222)));
        assertThat(s.effects()).noneMatch(e -> e instanceof Effect.CloseConnection);
        assertThat(router.view().peers()).extracting(p -> p.name().toString())
                .containsExactly("aa:00:00:00:00:01", "aa:00:00:00:00:02");
    }

    private void accept() {
        Step s = router.step(0, new Input.InboundAccepted(IN, new Endpoint("192.0.2.2", 40000),
                new Endpoint("192.0.2.1", 6783)));
        assertThat(s.effects()).first().isInstanceOfSatisfying(Effect.SendBytes.class,
                b -> assertThat(new String(b.bytes(), 0, 5)).isEqualTo("weave"));
    }

    private Step feed(byte[] bytes) {
        return router.step(1_000_000, new Input.BytesReceived(IN, bytes));
    }

    private void assertClosedWith(Step step, String reason) {
        assertThat(step.effects()).filteredOn(e -> e instanceof Effect.CloseConnection)
                .singleElement()
                .satisfies(e -> assertThat(((Effect.CloseConnection) e).reason()).contains(reason));
        assertThat(trace).filteredOn(e -> e instanceof TraceEvent.PeerMisbehaved)
                .anySatisfy(e -> assertThat(((TraceEvent.PeerMisbehaved) e).reason()).contains(reason));
        assertThat(router.view().connections()).isEmpty();
    }

    private static SortedMap<String, String> features(PeerName name, long uid) {
        SortedMap<String, String> f = new TreeMap<>();
        f.put("PeerNameFlavour", "mac");
        f.put("Name", name.toString());
        f.put("NickName", "them");
        f.put("UID", Long.toUnsignedString(uid));
        f.put("ConnID", "12345");
        f.put("ShortID", "9");
        f.put("Trusted", "false");
        f.put("Overlays", "sleeve");
        return f;
    }

    private static byte[] intro(SortedMap<String, String> features) {
        return concat(ProtocolHeader.encode(1, 2), new byte[] {0}, FrameReader.frame(Features.encode(features)));
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
