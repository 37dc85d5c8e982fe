package net.weft.sleeve.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import net.weft.sleeve.host.netns.NetworkNamespace;

/**
 * Sends a UDP datagram from one namespace to another and returns what arrived: a ping made of sockets
 * created inside each namespace (a socket stays in the namespace it was created in).
 */
public final class NamespaceTraffic {

    /** A generous guard so that a broken path fails the test instead of hanging it. */
    private static final int RECEIVE_GUARD_MS = 10_000;
    private static final int PORT = 40_007;
    private static final int MAX_DATAGRAM_BYTES = 1_500;

    private NamespaceTraffic() {
    }

    /** Sends {@code text} from {@code from} to {@code toAddress:PORT} bound inside {@code to}. */
    public static String sendAndReceive(NetworkNamespace from, NetworkNamespace to, String toAddress, String text) {
        try (DatagramSocket receiver = to.callInside(() -> bound(toAddress));
             DatagramSocket sender = from.callInside(() -> bound(null))) {
            receiver.setSoTimeout(RECEIVE_GUARD_MS);
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            sender.send(new DatagramPacket(payload, payload.length, new InetSocketAddress(toAddress, PORT)));
            DatagramPacket received = new DatagramPacket(new byte[MAX_DATAGRAM_BYTES], MAX_DATAGRAM_BYTES);
            receiver.receive(received);
            return new String(Arrays.copyOf(received.getData(), received.getLength()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DatagramSocket bound(String address) {
        try {
            return address == null ? new DatagramSocket() : new DatagramSocket(new InetSocketAddress(address, PORT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
