package net.weft.cli.demo;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The demo's throughput measurement when {@code iperf3} is not installed: {@code server PORT} accepts one
 * connection and reads until it closes; {@code client HOST PORT SECONDS} writes for that long and prints the
 * rate in Mbit/s. Run as its own JVM inside a container namespace.
 */
public final class TcpThroughputProbe {

    /** Bytes per write and read. */
    static final int CHUNK_BYTES = 64 * 1024;
    /** How long the server waits for its client. */
    static final int ACCEPT_TIMEOUT_MS = 60_000;

    private TcpThroughputProbe() {
    }

    /** {@code server PORT} or {@code client HOST PORT SECONDS}. */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("server")) {
            serve(Integer.parseInt(args[1]));
        } else if (args.length == 4 && args[0].equals("client")) {
            send(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else {
            throw new IllegalArgumentException("usage: server PORT | client HOST PORT SECONDS");
        }
    }

    private static void serve(int port) throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port));
            server.setSoTimeout(ACCEPT_TIMEOUT_MS);
            System.out.println("listening");
            System.out.flush();
            try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                byte[] buf = new byte[CHUNK_BYTES];
                while (in.read(buf) > 0) {
                    continue;
                }
            }
        }
    }

    private static void send(String host, int port, int seconds) throws Exception {
        byte[] buf = new byte[CHUNK_BYTES];
        long bytes = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        try (Socket s = new Socket(host, port); OutputStream out = s.getOutputStream()) {
            while (System.nanoTime() < end) {
                out.write(buf);
                bytes += buf.length;
            }
        }
        double elapsedS = (System.nanoTime() - start) / 1e9;
        System.out.printf("%.1f Mbit/s (%d bytes in %.1f s)%n", bytes * 8 / elapsedS / 1e6, bytes, elapsedS);
    }
}
