package net.weft.daemon.datapath;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;
import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.frame.FramePort;
import net.weft.sleeve.host.offload.VirtioNetHeader;
import net.weft.sleeve.host.tap.TapDevice;
import net.weft.sleeve.host.weft.ContainerPlumbing;
import net.weft.sleeve.host.weft.WeftNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's capture and injection port: a TAP device on the {@code weft} bridge, in offload mode (every read
 * and write starts with a virtio-net header; the kernel hands over TCP super-frames and takes coalesced ones). The sleeve fast path reads
 * every frame the bridge sends to the TAP ({@link #port()}, attached with {@code Daemon.attachTap}) and writes
 * the frames it delivers; {@link #inject} writes the router's {@code DeliverFrame} effects (on the router thread).
 * A write is one system call carrying one frame, so both writers may share the descriptor.
 *
 * <p>TAP rather than AF_PACKET on a veth: both move frames at the same order of rate here
 * (datapath-sleeve/bench/README.md), but a TAP is one device whose frames written are never read back (no
 * direction filter needed), and it disappears with its descriptor, so even a daemon killed with SIGKILL leaves
 * no port behind. The bridge and the containers stay; {@code weft reset} removes them.
 */
public final class TapDataPath implements FrameInjector, AutoCloseable {

    /** The bridge's MTU when none is asked for. */
    public static final int DEFAULT_MTU = ContainerPlumbing.DEFAULT_MTU;

    private static final Logger LOG = LoggerFactory.getLogger("weft.datapath");

    private final TapDevice tap;
    private final AtomicLong injected = new AtomicLong();
    private final AtomicLong injectFailures = new AtomicLong();
    private volatile boolean running = true;

    private TapDataPath(TapDevice tap) {
        this.tap = tap;
    }

    /**
     * Ensures the bridge {@code bridgeName} (MAC = the peer name, MTU {@code mtu}, up) and opens a TAP port on it.
     *
     * @throws HostNetworkException NEEDS_PRIVILEGE without CAP_NET_ADMIN, NOT_FOUND without /dev/net/tun
     */
    public static TapDataPath open(String bridgeName, PeerName name, int mtu) {
        new ContainerPlumbing(bridgeName).ensureBridge(Optional.of(new MacAddress(name.value())), mtu);
        TapDevice tap = TapDevice.openOnBridge(WeftNames.TAP_PREFIX + "%d", bridgeName, mtu, true);
        LOG.info("data path: TAP {} on bridge {}, MTU {}, TCP segmentation and checksum offloads", tap.name(),
                bridgeName, mtu);
        return new TapDataPath(tap);
    }

    /** The TAP interface's name. */
    public String tapName() {
        return tap.name();
    }

    /** The TAP port itself, for the fast path's capture and delivery. */
    public FramePort port() {
        return tap;
    }

    /** True: the TAP is opened in offload mode (virtio headers; TCP super-frames on capture and delivery). */
    public boolean offload() {
        return tap.offload();
    }

    @Override
    public void inject(byte[] frame) {
        if (!running) {
            return;
        }
        try {
            if (tap.offload()) {
                byte[] withHeader = new byte[VirtioNetHeader.BYTES + frame.length];
                System.arraycopy(frame, 0, withHeader, VirtioNetHeader.BYTES, frame.length);
                tap.writeFrame(withHeader, 0, withHeader.length);
            } else {
                tap.writeFrame(frame, 0, frame.length);
            }
            injected.incrementAndGet();
        } catch (HostNetworkException | IllegalStateException e) {
            if (injectFailures.getAndIncrement() == 0) {
                LOG.warn("cannot inject a frame into {}: {}", tap.name(), e.getMessage());
            }
        }
    }

    /** Frames the router wrote to the bridge so far. */
    public long injected() {
        return injected.get();
    }

    /** Removes the TAP (the bridge stays); stop the fast path first. Idempotent. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        tap.close();
    }
}
