package net.weft.core.conn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import net.weft.core.RouterConfig;
import net.weft.core.crypto.X25519;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.wire.Features;
import net.weft.core.wire.FrameReader;
import net.weft.core.wire.ParseResult;
import net.weft.core.wire.ProtocolHeader;
import net.weft.core.wire.VersionRange;

/**
 * The protocol-v2 handshake of one TCP connection as a pure state machine over bytes.
 *
 * <pre>
 *   HEADER  (send "weave" min max; read 7 bytes; negotiate)          -- bad header / versions --> FAILED
 *   FLAG    (send crypto flag [+ public key]; read flag)             -- crypto mismatch ------> FAILED
 *   PUBLIC_KEY (only when encrypted: read 32 bytes; derive the key)  -- low-order key --------> FAILED
 *   FEATURES(send gob features frame; read one frame; validate)      -- undecryptable, bad
 *                                                                       features, self ------> FAILED
 *   DONE    (RemoteIntro available; later bytes are message frames)
 * </pre>
 *
 * <p>Both sides send their header at once, then each step's output depends only on what was read. The
 * machine never throws on peer input: every refusal is a {@link HandshakeFailure} with Weave's wording.
 * The {@link FrameReader} it reads from is handed over to the connection once the handshake is done, so
 * bytes that arrived right behind the features frame are not lost.
 *
 * <p>With a password, each side sends flag 1 and the public key of a fresh X25519 key pair made from 32
 * random bytes the router drew for this connection, and derives the {@link TcpSession} from the peer's key.
 * The features frame is then already sealed (TCP sequence number 0 in each direction), so a peer with
 * another password fails right there, on both sides, with "unable to decrypt TCP msg 0". Mismatched settings
 * (one side with a password, one without) are refused with Weave's two messages. Nothing falls back to
 * plain text.
 */
public final class Handshake {

    /**
     * We offer version 2 only: every Weave 2.x peer (which offers 1..2) negotiates 2 with us, and a peer that
     * can only speak version 1 is refused as incompatible.
     */
    public static final VersionRange OUR_VERSIONS = new VersionRange(2, 2);
    /** The only version whose intro we implement. */
    public static final int IMPLEMENTED_VERSION = 2;
    /** The only peer-name flavour Weave uses. */
    public static final String NAME_FLAVOUR = "mac";
    private static final int HEADER_BYTES = 7;
    private static final int PUBLIC_KEY_BYTES = X25519.KEY_BYTES;
    private static final int FLAG_PLAIN = 0;
    private static final int FLAG_ENCRYPTED = 1;

    /** Where the machine is. */
    public enum Phase { HEADER, FLAG, PUBLIC_KEY, FEATURES, DONE, FAILED }

    /** What one call produced: bytes to send now, and the outcome once there is one. */
    public record Progress(List<byte[]> toSend, Optional<RemoteIntro> done, Optional<HandshakeFailure> failed) { }

    private final RouterConfig local;
    private final boolean outbound;
    private final long ourConnId;
    private final boolean trustRemote;
    private final int shortId;
    private final byte[] ephemeralPrivate;
    private final FrameReader reader = new FrameReader();
    private Phase phase = Phase.HEADER;
    private int version;
    private RemoteIntro intro;
    private HandshakeFailure failure;
    private TcpSession session;

    /**
     * A handshake for one connection without encryption.
     *
     * @param local       our identity and settings (without a password)
     * @param outbound    we dialled this connection
     * @param ourConnId   a random ConnID for this connection (drawn by the router)
     * @param trustRemote the remote address lies in one of our trusted subnets
     * @param shortId     our current short id (it may have been reassigned since start)
     */
    public Handshake(RouterConfig local, boolean outbound, long ourConnId, boolean trustRemote, int shortId) {
        this(local, outbound, ourConnId, trustRemote, shortId, new byte[0]);
    }

    /**
     * A handshake for one connection.
     *
     * @param local             our identity and settings
     * @param outbound          we dialled this connection
     * @param ourConnId         a random ConnID for this connection (drawn by the router)
     * @param trustRemote       the remote address lies in one of our trusted subnets
     * @param shortId           our current short id (it may have been reassigned since start)
     * @param ephemeralPrivate  32 random bytes for this connection's X25519 key pair when {@code local} has a
     *                          password (drawn by the router, fresh per connection); ignored without one
     */
    public Handshake(RouterConfig local, boolean outbound, long ourConnId, boolean trustRemote, int shortId,
            byte[] ephemeralPrivate) {
        if (local.encrypted() && ephemeralPrivate.length != X25519.KEY_BYTES) {
            throw new IllegalArgumentException("an encrypted handshake needs a " + X25519.KEY_BYTES
                    + "-byte ephemeral private key");
        }
        this.local = local;
        this.outbound = outbound;
        this.ourConnId = ourConnId;
        this.trustRemote = trustRemote;
        this.shortId = shortId;
        this.ephemeralPrivate = local.encrypted() ? ephemeralPrivate.clone() : new byte[0];
    }

    /** The protocol header to send as soon as the socket is open. */
    public byte[] start() {
        return ProtocolHeader.encode(OUR_VERSIONS.min(), OUR_VERSIONS.max());
    }

    /** Feeds bytes read from the socket and advances as far as they allow. */
    public Progress onBytes(byte[] chunk) {
        List<byte[]> out = new ArrayList<>();
        if (phase == Phase.DONE || phase == Phase.FAILED) {
            return progress(out);
        }
        reader.feed(chunk, 0, chunk.length);
        boolean moved = true;
        while (moved && phase != Phase.DONE && phase != Phase.FAILED) {
            moved = advance(out);
        }
        return progress(out);
    }

    /** The current phase. */
    public Phase phase() {
        return phase;
    }

    /** The reader holding any bytes received after the handshake; use it for message frames once DONE. */
    public FrameReader reader() {
        return reader;
    }

    /**
     * The TCP encryption of this connection once both public keys are known (empty without a password).
     * The connection keeps using it after the handshake: its sealer and opener have counted the features
     * frames.
     */
    public Optional<TcpSession> session() {
        return Optional.ofNullable(session);
    }

    /** Whether we trust the remote address (sent as our {@code Trusted} feature). */
    public boolean trustRemote() {
        return trustRemote;
    }

    /** Our ConnID for this connection. */
    public long ourConnId() {
        return ourConnId;
    }

    private boolean advance(List<byte[]> out) {
        switch (phase) {
            case HEADER:
                return reader.takeRaw(HEADER_BYTES).map(h -> onHeader(h, out)).orElse(false);
            case FLAG:
                return reader.takeRaw(1).map(f -> onFlag(f[0] & 0xFF, out)).orElse(false);
            case PUBLIC_KEY:
                return reader.takeRaw(PUBLIC_KEY_BYTES).map(k -> onPublicKey(k, out)).orElse(false);
            case FEATURES:
                return onFeaturesFrame();
            default:
                return false;
        }
    }

    private boolean onHeader(byte[] header, List<byte[]> out) {
        ParseResult<VersionRange> theirs = ProtocolHeader.parse(header);
        if (!theirs.isOk()) {
            return fail(theirs.reason());
        }
        ParseResult<Integer> agreed = ProtocolHeader.negotiate(OUR_VERSIONS, theirs.value());
        if (!agreed.isOk()) {
            return fail(agreed.reason());
        }
        version = agreed.value();
        if (version != IMPLEMENTED_VERSION) {
            return fail("remote peer only speaks protocol version " + version
                    + "; Weft implements version " + IMPLEMENTED_VERSION);
        }
        if (local.encrypted()) {
            byte[] flagAndKey = new byte[1 + PUBLIC_KEY_BYTES];
            flagAndKey[0] = FLAG_ENCRYPTED;
            System.arraycopy(TcpSession.publicKey(ephemeralPrivate), 0, flagAndKey, 1, PUBLIC_KEY_BYTES);
            out.add(flagAndKey);
        } else {
            out.add(new byte[] {FLAG_PLAIN});
        }
        phase = Phase.FLAG;
        return true;
    }

    private boolean onFlag(int flag, List<byte[]> out) {
        if (flag == FLAG_PLAIN) {
            if (local.encrypted()) {
                return fail("password specified, but peer requested an unencrypted connection");
            }
        } else if (flag == FLAG_ENCRYPTED) {
            if (!local.encrypted()) {
                return fail("no password specificed, but peer requested an encrypted connection");
            }
            phase = Phase.PUBLIC_KEY;
            return true;
        } else {
            return fail("Bad encryption flag " + flag);
        }
        sendFeatures(out);
        return true;
    }

    private boolean onPublicKey(byte[] peerPublicKey, List<byte[]> out) {
        ParseResult<TcpSession> established = TcpSession.establish(ephemeralPrivate, peerPublicKey,
                local.password(), outbound);
        if (!established.isOk()) {
            return fail(established.reason());
        }
        session = established.value();
        sendFeatures(out);
        return true;
    }

    /** Sends our features frame, sealed with TCP sequence number 0 when encrypted. */
    private void sendFeatures(List<byte[]> out) {
        byte[] body = Features.encode(ourFeatures());
        out.add(FrameReader.frame(session == null ? body : session.seal(body)));
        phase = Phase.FEATURES;
    }

    private boolean onFeaturesFrame() {
        Optional<byte[]> next = reader.next();
        if (reader.failed()) {
            return fail(reader.failure().orElse("bad frame"));
        }
        if (next.isEmpty()) {
            return false;
        }
        byte[] body = next.get();
        if (session != null) {
            ParseResult<byte[]> opened = session.open(body);
            if (!opened.isOk()) {
                return fail(opened.reason());
            }
            body = opened.value();
        }
        ParseResult<SortedMap<String, String>> features = Features.decode(body);
        if (!features.isOk()) {
            return fail("malformed features: " + features.reason());
        }
        byte[] sessionKey = session == null ? new byte[0] : session.sessionKey();
        ParseResult<RemoteIntro> parsed = FeatureCheck.check(features.value(), version, ourConnId, sessionKey);
        if (!parsed.isOk()) {
            return fail(parsed.reason());
        }
        RemoteIntro remote = parsed.value();
        if (remote.name().equals(local.name())) {
            boolean self = remote.uid().equals(local.uid());
            failure = self ? new HandshakeFailure("cannot connect to ourself", EndCause.CONNECT_TO_SELF)
                    : new HandshakeFailure("local " + local.name() + " and remote " + remote.name()
                            + " peer names collision", EndCause.NAME_COLLISION);
            phase = Phase.FAILED;
            return false;
        }
        intro = remote;
        phase = Phase.DONE;
        return false;
    }

    private SortedMap<String, String> ourFeatures() {
        SortedMap<String, String> f = new TreeMap<>();
        f.put("PeerNameFlavour", NAME_FLAVOUR);
        f.put("Name", local.name().toString());
        f.put("NickName", local.nickname());
        f.put("ShortID", Integer.toString(shortId));
        f.put("UID", new PeerUid(local.uid().value()).toString());
        f.put("ConnID", Long.toUnsignedString(ourConnId));
        f.put("Trusted", Boolean.toString(trustRemote));
        f.put("Overlays", String.join(" ", local.overlays()));
        return f;
    }

    private boolean fail(String reason) {
        failure = HandshakeFailure.of(reason);
        phase = Phase.FAILED;
        return false;
    }

    private Progress progress(List<byte[]> out) {
        return new Progress(out, Optional.ofNullable(intro), Optional.ofNullable(failure));
    }

    /** Validation of the remote features map, kept apart so each rule reads on its own. */
    static final class FeatureCheck {
        private static final List<String> REQUIRED = List.of("PeerNameFlavour", "Name", "NickName", "UID", "ConnID");
        private static final int SHORT_ID_LIMIT = 4096;

        private FeatureCheck() {
        }

        static ParseResult<RemoteIntro> check(SortedMap<String, String> f, int version, long ourConnId,
                byte[] sessionKey) {
            for (String key : REQUIRED) {
                if (!f.containsKey(key)) {
                    return ParseResult.rejected("field " + key + " is missing");
                }
            }
            if (!NAME_FLAVOUR.equals(f.get("PeerNameFlavour"))) {
                return ParseResult.rejected("Peer name flavour mismatch (ours: '" + NAME_FLAVOUR + "', theirs: '"
                        + f.get("PeerNameFlavour") + "')");
            }
            Optional<PeerName> name = PeerName.parse(f.get("Name"));
            if (name.isEmpty() || name.get().equals(PeerName.UNKNOWN)) {
                return ParseResult.rejected("invalid peer name in features: " + f.get("Name"));
            }
            Optional<Long> uid = unsigned(f.get("UID"));
            Optional<Long> connId = unsigned(f.get("ConnID"));
            if (uid.isEmpty() || uid.get() == 0) {
                return ParseResult.rejected("invalid UID in features: " + f.get("UID"));
            }
            if (connId.isEmpty()) {
                return ParseResult.rejected("invalid ConnID in features: " + f.get("ConnID"));
            }
            int shortId = 0;
            boolean hasShortId = f.containsKey("ShortID");
            if (hasShortId) {
                Optional<Long> s = unsigned(f.get("ShortID"));
                if (s.isEmpty() || s.get() >= SHORT_ID_LIMIT) {
                    return ParseResult.rejected("invalid ShortID in features: " + f.get("ShortID"));
                }
                shortId = s.get().intValue();
            }
            String trusted = f.getOrDefault("Trusted", "false");
            if (!trusted.equalsIgnoreCase("true") && !trusted.equalsIgnoreCase("false")
                    && !trusted.equals("1") && !trusted.equals("0")) {
                return ParseResult.rejected("invalid Trusted in features: " + trusted);
            }
            boolean trustedByRemote = trusted.equalsIgnoreCase("true") || trusted.equals("1");
            String overlays = f.getOrDefault("Overlays", "").trim();
            List<String> overlayList = overlays.isEmpty() ? List.of() : Arrays.asList(overlays.split("\\s+"));
            return ParseResult.ok(new RemoteIntro(version, name.get(), f.get("NickName"), new PeerUid(uid.get()),
                    shortId, hasShortId, ourConnId ^ connId.get(), trustedByRemote, overlayList, f, sessionKey));
        }

        private static Optional<Long> unsigned(String text) {
            if (text == null || text.isEmpty() || text.length() > 20 || !text.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Long.parseUnsignedLong(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
