package net.weft.daemon.datapath;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;
import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.frame.FramePort;
import net.weft.sleeve.host.tap.TapDevice;
import net.weft.sleeve.host.weft.ContainerPlumbing;
import net.weft.sleeve.host.weft.WeftNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's capture and injection port: a TAP device on the {@code weft} bridge. One capture thread reads
 * every frame the bridge sends to the TAP and hands a copy to the router; {@link #inject} (the router's
 * {@code DeliverFrame} effects, on the router thread) writes frames into the TAP, which the bridge then
 * forwards to containers.
 *
 * <p>TAP rather than AF_PACKET on a veth: both move frames at the same order of rate here
 * (datapath-sleeve/bench/README.md), but a TAP is one device whose frames written are never read back (no
 * direction filter needed), and it disappears with its descriptor, so even a daemon killed with SIGKILL leaves
 * no port behind. The bridge and the containers stay; {@code weft reset} removes them.
 */
public final class TapDataPath implements FrameInjector, AutoCloseable {

    /** How long one read waits before the capture thread checks whether it must stop. */
    static final int READ_TIMEOUT_MS = 200;
    /** Most frames handed to the router in one burst, so one burst never delays the next for long. */
    static final int MAX_BURST_FRAMES = 64;
    /** The bridge's MTU when none is asked for. */
    public static final int DEFAULT_MTU = ContainerPlumbing.DEFAULT_MTU;

    private static final Logger LOG = LoggerFactory.getLogger("weft.datapath");

    private final TapDevice tap;
    private final Thread capture;
    private final AtomicLong injected = new AtomicLong();
    private final AtomicLong captured = new AtomicLong();
    private final AtomicLong injectFailures = new AtomicLong();
    private volatile boolean running = true;

    private TapDataPath(TapDevice tap, Consumer<List<byte[]>> sink) {
        this.tap = tap;
        this.capture = new Thread(() -> captureLoop(sink), "weft-capture");
        this.capture.setDaemon(true);
    }

    /**
     * Ensures the bridge {@code bridgeName} (MAC = the peer name, MTU {@code mtu}, up), opens a TAP port on it
     * and starts capturing into {@code sink}, which receives bursts of at most {@link #MAX_BURST_FRAMES} frames
     * (every frame already waiting when the first one arrived), in order.
     *
     * @throws HostNetworkException NEEDS_PRIVILEGE without CAP_NET_ADMIN, NOT_FOUND without /dev/net/tun
     */
    public static TapDataPath open(String bridgeName, PeerName name, int mtu, Consumer<List<byte[]>> sink) {
        new ContainerPlumbing(bridgeName).ensureBridge(Optional.of(new MacAddress(name.value())), mtu);
        TapDevice tap = TapDevice.openOnBridge(WeftNames.TAP_PREFIX + "%d", bridgeName, mtu);
        TapDataPath path = new TapDataPath(tap, sink);
        path.capture.start();
        LOG.info("data path: TAP {} on bridge {}, MTU {}", tap.name(), bridgeName, mtu);
        return path;
    }

    /** The TAP interface's name. */
    public String tapName() {
        return tap.name();
    }

    @Override
    public void inject(byte[] frame) {
        if (!running) {
            return;
        }
        try {
            tap.writeFrame(frame, 0, frame.length);
            injected.incrementAndGet();
        } catch (HostNetworkException | IllegalStateException e) {
            if (injectFailures.getAndIncrement() == 0) {
                LOG.warn("cannot inject a frame into {}: {}", tap.name(), e.getMessage());
            }
        }
    }

    /** Frames written to the bridge so far. */
    public long injected() {
        return injected.get();
    }

    /** Frames read from the bridge so far. */
    public long captured() {
        return captured.get();
    }

    private void captureLoop(Consumer<List<byte[]>> sink) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(FramePort.MAX_FRAME_BYTES);
        while (running) {
            List<byte[]> burst = new ArrayList<>();
            try {
                byte[] first = read(buffer, READ_TIMEOUT_MS);
                if (first == null) {
                    continue;
                }
                burst.add(first);
                byte[] next;
                while (burst.size() < MAX_BURST_FRAMES && (next = read(buffer, 0)) != null) {
                    burst.add(next);
                }
            } catch (HostNetworkException | IllegalStateException e) {
                if (running) {
                    LOG.error("capture from {} stopped: {}", tap.name(), e.getMessage());
                }
                return;
            } finally {
                if (!burst.isEmpty()) {
                    captured.addAndGet(burst.size());
                    sink.accept(burst);
                }
            }
        }
    }

    /** One frame copied out of the TAP, or null when none came within {@code timeoutMs}. */
    private byte[] read(ByteBuffer buffer, int timeoutMs) {
        buffer.clear();
        int n = tap.readFrame(buffer, timeoutMs);
        if (n <= 0) {
            return null;
        }
        byte[] frame = new byte[n];
        buffer.flip();
        buffer.get(frame);
        return frame;
    }

    /** Stops capturing and removes the TAP (the bridge stays). Idempotent. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            capture.join(2L * READ_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tap.close();
    }
}
