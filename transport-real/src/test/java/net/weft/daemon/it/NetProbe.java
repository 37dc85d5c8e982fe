package net.weft.daemon.it;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Traffic for the data-path tests, run as a child JVM inside a container namespace (no iperf3 or netcat
 * needed): {@code tcp-serve PORT} accepts one connection and prints the bytes it read; {@code tcp-send HOST
 * PORT BYTES} sends that many bytes and prints Mbit/s; {@code udp-count PORT MS} prints how many datagrams
 * arrived within MS milliseconds; {@code udp-send HOST PORT TEXT} sends one (broadcast allowed) datagram.
 */
public final class NetProbe {

    /** Size of one write or read. */
    static final int CHUNK_BYTES = 64 * 1024;
    /** How long a TCP server waits for its client. */
    static final int ACCEPT_TIMEOUT_MS = 60_000;

    private NetProbe() {
    }

    /** Runs one mode; see the class comment. */
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "tcp-serve":
                tcpServe(Integer.parseInt(args[1]));
                break;
            case "tcp-send":
                tcpSend(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]));
                break;
            case "udp-count":
                udpCount(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
                break;
            case "udp-send":
                udpSend(args[1], Integer.parseInt(args[2]), args[3]);
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void tcpServe(int port) throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port));
            server.setSoTimeout(ACCEPT_TIMEOUT_MS);
            System.out.println("listening");
            System.out.flush();
            try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                byte[] buf = new byte[CHUNK_BYTES];
                long total = 0;
                int n;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                }
                System.out.println("received " + total);
            }
        }
    }

    private static void tcpSend(String host, int port, long bytes) throws Exception {
        byte[] buf = new byte[CHUNK_BYTES];
        long start = System.nanoTime();
        try (Socket s = new Socket(host, port); OutputStream out = s.getOutputStream()) {
            long left = bytes;
            while (left > 0) {
                int n = (int) Math.min(buf.length, left);
                out.write(buf, 0, n);
                left -= n;
            }
            s.shutdownOutput();
            s.getInputStream().read();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("sent %d bytes in %.3f s: %.1f Mbit/s%n", bytes, seconds, bytes * 8 / seconds / 1e6);
    }

    private static void udpCount(int port, int windowMs) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(null)) {
            socket.setReuseAddress(true);
            socket.setBroadcast(true);
            socket.bind(new InetSocketAddress(port));
            System.out.println("listening");
            System.out.flush();
            long deadline = System.nanoTime() + windowMs * 1_000_000L;
            int count = 0;
            byte[] buf = new byte[CHUNK_BYTES];
            while (true) {
                long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
                if (leftMs <= 0) {
                    break;
                }
                socket.setSoTimeout((int) leftMs);
                try {
                    socket.receive(new DatagramPacket(buf, buf.length));
                    count++;
                } catch (SocketTimeoutException e) {
                    break;
                }
            }
            System.out.println("datagrams " + count);
        }
    }

    private static void udpSend(String host, int port, String text) throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setBroadcast(true);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(host), port));
        }
    }
}
