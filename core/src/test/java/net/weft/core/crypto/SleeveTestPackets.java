package net.weft.core.crypto;

import net.weft.core.id.PeerName;

/**
 * Builds encrypted sleeve packets directly from the documented layout and nonce (not through
 * {@link SleeveEncryptor}), so tests can pick any sequence number and check the encryptor against it.
 */
final class SleeveTestPackets {

    private SleeveTestPackets() {
    }

    static byte[] packet(byte[] key, boolean senderIsOutbound, PeerName sender, long seqNoAndDf, byte[] frames) {
        byte[] nonce = new byte[SecretBox.NONCE_BYTES];
        nonce[0] = (byte) (senderIsOutbound ? 0x80 : 0x00);
        byte[] seqField = new byte[8];
        for (int i = 0; i < 8; i++) {
            seqField[i] = (byte) (seqNoAndDf >>> (56 - 8 * i));
        }
        System.arraycopy(seqField, 0, nonce, 16, 8);
        byte[] box = SecretBox.seal(key, nonce, frames);
        byte[] packet = new byte[6 + 8 + box.length];
        sender.writeTo(packet, 0);
        System.arraycopy(seqField, 0, packet, 6, 8);
        System.arraycopy(box, 0, packet, 14, box.length);
        return packet;
    }
}
