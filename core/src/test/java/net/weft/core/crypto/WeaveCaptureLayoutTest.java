package net.weft.core.crypto;

import static net.weft.core.crypto.NaclVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import net.weft.core.id.PeerName;
import org.junit.jupiter.api.Test;

/**
 * Encrypted traffic captured from a real Weave 2.8.1 mesh ({@code weave-wire/vectors.md}, sections "Control
 * plane, encrypted" and "Data plane (sleeve), encrypted"). The ephemeral keys never left the weavers, so
 * only the structure can be checked: lengths, clear fields, and that our openers get as far as
 * authentication (which then fails for want of the key) rather than calling the packets malformed.
 */
class WeaveCaptureLayoutTest {

    /** Ethernet frame of a sleeve heartbeat: special frame of 14 zero header bytes and the 8-byte ConnUID. */
    private static final int HEARTBEAT_FRAME_BYTES = 22;
    /** Ethernet frame of the captured ICMP echo (14 + 20 + 64). */
    private static final int ICMP_FRAME_BYTES = 98;
    private static final byte[] UNKNOWN_KEY = NaclVectors.filled(32, 0x5a);

    /** Ephemeral X25519 public keys sent after the encryption flag byte, dialler h2 then listener h1. */
    private static final byte[] DIALLER_PUBLIC_KEY =
            hex("3ac70f2dccdaf532b4cac6f63ca8b967be1917123a911b4cf354681314613a2a");
    private static final byte[] LISTENER_PUBLIC_KEY =
            hex("dfcb7c0360ab6626ab2d01a089bf71ec09c9ff0b63bd9bffaebfcb6fbd9bd277");

    private static final byte[] TCP_FEATURES_FROM_DIALLER = hex(
            "000000bdb09ccfbd7faa175c6663fdc8160d4a78f174c352bd2c35545c62d85a3f7bdf6f83159187afd24f6c2a648ee9"
            + "db155a587ca3878014068ecc43a712ddb9109cb6e1c2a3d6435fa79814b4457af44cfbea855c6fd1a067aa2fcb0fd50c"
            + "7ab1c3937cac46b1a53199847952cbbd53960b0aaf99dd2af1540557c5a782b69ef2b50ec351763af5a7c4a1530f7b01"
            + "29a3bf22a914dbc3ff31004ed85a95b6973678fc84b011e758ebc298b35fdc805c7ad7f6cafe325212658959248f5048"
            + "34");
    private static final byte[] TCP_FEATURES_FROM_LISTENER = hex(
            "000000bbe787589c79506ee7a5e1882dada94c7859b4f685a68ffdbdaecda8c27510ea2eaf4f12a5107467b8e6e5fc66"
            + "3a2f6bc63dc15a8486ef1d75845a392e2c7e64c92bb173cbcea9e42f1539548d6760f2bdcf4ef31b901fd263f8b4fc12"
            + "26d46d826a62adde1378b9b275367bc8fe2feca93cad0e3182c4098bcccc559d612ae782553182408b4e1528a372a4b5"
            + "7a43212707ad589942cbf9e495053f9502ac40606790bddf4d059557a6b5d7547a805bb4e15278dff584bf2de2d82f");
    private static final byte[] SLEEVE_HEARTBEAT_H2_TO_H3 = hex(
            "aa00000000028000000000000000811868137d712324fc4caac5d54164989e754c87a5cdc935234fc2e3010b31f7ffcb"
            + "70a872f46d90d6fa8776b6113566cca4c2f5");
    private static final byte[] SLEEVE_ICMP_DF_H1_TO_H2 = hex(
            "aa000000000180000000000000030a08bd99ce5f2902aa6f329e281520fd7404ee48ceb7e95c861ea9ebd0945b041b7e"
            + "de4535a34531dd5632f20da9843e2a7333cec0ab09fea347d53b4d1e9a55f2e2666194376d47df739f98ef1dec776139"
            + "697159ccb12ce077fd3171c0ff24805b86e8846efbd344d73eaf3268230616a5668fbdc9b8f5c787a01cafd7b1d3");
    private static final byte[] SLEEVE_ICMP_DF_H2_TO_H3 = hex(
            "aa0000000002800000000000000475e096496897e883659c6ebf6740098fc77b30b29669c5e2ef7ea4c7163ced54015d"
            + "bb55c1559969173a275fd74bf90def949994229e1ed08a7483a60d6f62d4400c60965af3256d932120c5c04596e953b9"
            + "4c55f063048312695832517c9ef9aca319dcf09dbdca45b666fe889686514d87c57dabe71f79a4755dc5a3c7d50f");
    private static final byte[] SLEEVE_ICMP_NON_DF_H3_TO_H2 = hex(
            "aa0000000003000000000000000230af0cf798661b505a414f3dcd939819d84157716c8f3065d89b4cfbc85a7af703c7"
            + "8a3de2b9392273f836dc59489f6ead959783d3d50e9d6ad4e37bc8b2fd0cd9fb85a396ab1700e0204949b28e3656c49a"
            + "d18e7f718961e238a19e7d4411f143b5b24dc92322d641607c7fce24c3bafe50b82604c82f6c1ca930f70a5fb9e4");

    @Test
    void handshakePublicKeysAreOrdinaryCurvePoints() {
        byte[] somePrivateKey = NaclVectors.filled(32, 7);
        assertThat(X25519.sharedSecret(somePrivateKey, DIALLER_PUBLIC_KEY).isOk()).isTrue();
        assertThat(X25519.sharedSecret(somePrivateKey, LISTENER_PUBLIC_KEY).isOk()).isTrue();
    }

    @Test
    void tcpFramesAreALengthPrefixAndOneSecretboxOfPlaintextPlusSixteen() {
        assertTcpFrame(TCP_FEATURES_FROM_DIALLER, 173, true);
        assertTcpFrame(TCP_FEATURES_FROM_LISTENER, 171, false);
    }

    @Test
    void sleeveHeartbeatIsNameSeqNoAndDfAndABoxOfOneFrame() {
        assertSleevePacket(SLEEVE_HEARTBEAT_H2_TO_H3, "aa:00:00:00:00:02", true, 0, HEARTBEAT_FRAME_BYTES);
    }

    @Test
    void sleeveIcmpPacketsOnBothPathsHaveTheSameLayout() {
        assertSleevePacket(SLEEVE_ICMP_DF_H1_TO_H2, "aa:00:00:00:00:01", true, 3, ICMP_FRAME_BYTES);
        assertSleevePacket(SLEEVE_ICMP_DF_H2_TO_H3, "aa:00:00:00:00:02", true, 4, ICMP_FRAME_BYTES);
        assertSleevePacket(SLEEVE_ICMP_NON_DF_H3_TO_H2, "aa:00:00:00:00:03", false, 2, ICMP_FRAME_BYTES);
    }

    private static void assertTcpFrame(byte[] frame, int plaintextBytes, boolean senderDialled) {
        int prefix = java.nio.ByteBuffer.wrap(frame).getInt(0);
        assertThat(prefix).isEqualTo(frame.length - 4).isEqualTo(plaintextBytes + TcpCrypto.OVERHEAD_BYTES);
        TcpCrypto.Opener opener = new TcpCrypto.Opener(UNKNOWN_KEY, !senderDialled);
        assertThat(opener.open(frame, 4, prefix).reason())
                .startsWith("unable to decrypt TCP msg 0: authentication failed");
    }

    private static void assertSleevePacket(byte[] udpPayload, String sender, boolean df, long sequence,
            int ethernetFrameBytes) {
        int frameList = SleeveCrypto.FRAME_OVERHEAD + ethernetFrameBytes;
        assertThat(udpPayload).hasSize(SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED + frameList);
        assertThat(PeerName.fromBytes(udpPayload, SleeveCrypto.SENDER_OFFSET)).isEqualTo(PeerName.of(sender));
        assertThat(SleeveCrypto.readSeqNoAndDf(udpPayload, 0)).isEqualTo(SleeveCrypto.seqNoAndDf(df, sequence));
        byte[] out = new byte[frameList];
        SleeveOpener opener = new SleeveOpener(UNKNOWN_KEY, false);
        assertThat(opener.open(udpPayload, 0, udpPayload.length, out, 0)).isEqualTo(SleeveOpenOutcome.FORGED);
        assertThat(out).isEqualTo(new byte[frameList]);
        SleeveDecryptor otherPath = new SleeveDecryptor(UNKNOWN_KEY, false, !df);
        assertThat(otherPath.open(udpPayload, 0, udpPayload.length, out, 0)).isEqualTo(SleeveOpenOutcome.MALFORMED);
    }
}
