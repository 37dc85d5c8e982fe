package net.weft.sim.frame;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import net.weft.core.id.MacAddress;

/**
 * A simulated container on a host's bridge: it answers ARP for its IP and ICMP echo requests sent to it,
 * and can ping another container (resolving its MAC by ARP first). Everything it knows comes from frames it
 * received; what it counts is what it saw.
 */
public final class Container {

    /** ICMP data carried by each echo, as Linux ping sends by default. */
    public static final int PING_DATA_BYTES = 56;

    private final String name;
    private final MacAddress mac;
    private final int ip;
    private final int hostIndex;
    private final Bridge bridge;
    private final Map<Integer, MacAddress> arpCache = new HashMap<>();
    private final Map<Integer, Runnable> waitingForArp = new HashMap<>();
    private final Map<Long, PendingEcho> pendingEchoes = new HashMap<>();
    private final TreeMap<String, Long> received = new TreeMap<>();
    private final Reassembly reassembly = new Reassembly();
    private int nextPingId = 1;

    private record PendingEcho(PingReport report, long sentNs) { }

    /** One echo request to send: which series, to whom, its id and sequence, its size and DF flag. */
    private record Echo(PingReport report, int targetIp, int id, int seq, int dataBytes, boolean dontFragment) { }

    /** A container named {@code name} with {@code mac} and {@code ip} on host {@code hostIndex}. */
    public Container(String name, MacAddress mac, int ip, int hostIndex, Bridge bridge) {
        this.name = name;
        this.mac = mac;
        this.ip = ip;
        this.hostIndex = hostIndex;
        this.bridge = bridge;
    }

    /** Name given by the scenario. */
    public String name() {
        return name;
    }

    /** Its Ethernet address. */
    public MacAddress mac() {
        return mac;
    }

    /** Its IPv4 address. */
    public int ip() {
        return ip;
    }

    /** The host whose bridge it sits on. */
    public int hostIndex() {
        return hostIndex;
    }

    /** Frames received, by kind ("arp-request", "echo-reply", ...). */
    public TreeMap<String, Long> received() {
        return new TreeMap<>(received);
    }

    /** Forgets learned MACs (as after a long idle period). */
    public void clearArpCache() {
        arpCache.clear();
    }

    /**
     * Sends {@code count} pings to {@code targetIp}, one every {@code intervalNs}, each lost if unanswered
     * within {@code timeoutNs}.
     */
    public PingReport ping(String targetName, int targetIp, int count, long intervalNs, long timeoutNs) {
        return ping(targetName, targetIp, count, intervalNs, timeoutNs, PING_DATA_BYTES, false);
    }

    /**
     * The same with {@code dataBytes} of ICMP data per echo (IP packets of {@code dataBytes + 28} bytes) and the
     * DF flag as given, like {@code ping -s dataBytes -M do}. An ICMP "fragmentation needed" quoting an echo
     * loses it with the reason {@link PingReport#FRAGMENTATION_NEEDED} followed by the MTU it carries.
     */
    public PingReport ping(String targetName, int targetIp, int count, long intervalNs, long timeoutNs,
            int dataBytes, boolean dontFragment) {
        PingReport report = new PingReport(name, targetName, count, bridge.nowNs());
        int id = nextPingId++ & 0xFFFF;
        for (int seq = 0; seq < count; seq++) {
            int s = seq;
            bridge.at(bridge.nowNs() + seq * intervalNs,
                    () -> pingOnce(new Echo(report, targetIp, id, s, dataBytes, dontFragment), timeoutNs));
        }
        return report;
    }

    private void pingOnce(Echo echo, long timeoutNs) {
        long key = echoKey(echo.id(), echo.seq());
        long sentNs = bridge.nowNs();
        int targetIp = echo.targetIp();
        pendingEchoes.put(key, new PendingEcho(echo.report(), sentNs));
        MacAddress dst = arpCache.get(targetIp);
        if (dst != null) {
            sendEcho(echo, dst);
        } else {
            Runnable previous = waitingForArp.get(targetIp);
            waitingForArp.put(targetIp, () -> {
                if (previous != null) {
                    previous.run();
                }
                if (pendingEchoes.containsKey(key)) {
                    sendEcho(echo, arpCache.get(targetIp));
                }
            });
            bridge.send(this, Frames.arpRequest(mac, ip, targetIp));
        }
        bridge.at(sentNs + timeoutNs, () -> {
            if (pendingEchoes.remove(key) != null) {
                echo.report().lost(arpCache.containsKey(targetIp) ? "no echo reply" : "no ARP reply");
            }
        });
    }

    private void sendEcho(Echo echo, MacAddress dst) {
        echo.report().sent();
        bridge.send(this, Frames.icmpEcho(Frames.ICMP_ECHO_REQUEST, mac, dst, ip, echo.targetIp(), echo.id(),
                echo.seq(), echo.dataBytes(), echo.dontFragment()));
    }

    /** A frame from the bridge addressed to us (or to everyone). */
    public void receive(byte[] frame) {
        if (Reassembly.isFragment(frame)) {
            count("ip-fragment");
            reassembly.add(frame).ifPresent(this::receive);
            return;
        }
        if (Frames.isArp(frame)) {
            receiveArp(frame);
        } else if (Frames.isIcmpEcho(frame) && !Frames.icmpChecksumValid(frame)) {
            count("bad-icmp-checksum");
        } else if (Frames.isIcmpEcho(frame) && Frames.ipDestination(frame) == ip) {
            receiveEcho(frame);
        } else if (Frames.isFragmentationNeeded(frame) && Frames.ipDestination(frame) == ip) {
            count("fragmentation-needed");
            long key = echoKey(Frames.quotedIcmpId(frame), Frames.quotedIcmpSeq(frame));
            PendingEcho pending = pendingEchoes.remove(key);
            if (pending != null) {
                pending.report().lost(PingReport.FRAGMENTATION_NEEDED + Frames.fragmentationNeededMtu(frame));
            }
        } else {
            count("other");
        }
    }

    private void receiveArp(byte[] frame) {
        int senderIp = Frames.arpSenderIp(frame);
        arpCache.put(senderIp, Frames.arpSenderMac(frame));
        if (Frames.arpOperation(frame) == Frames.ARP_REQUEST) {
            count("arp-request");
            if (Frames.arpTargetIp(frame) == ip) {
                bridge.send(this, Frames.arpReply(mac, ip, Frames.arpSenderMac(frame), senderIp));
            }
            return;
        }
        count("arp-reply");
        Runnable waiting = waitingForArp.remove(senderIp);
        if (waiting != null) {
            waiting.run();
        }
    }

    private void receiveEcho(byte[] frame) {
        int type = Frames.icmpType(frame);
        if (type == Frames.ICMP_ECHO_REQUEST) {
            count("echo-request");
            bridge.send(this, Frames.icmpEcho(Frames.ICMP_ECHO_REPLY, mac, Frames.source(frame), ip,
                    Frames.ipSource(frame), Frames.icmpId(frame), Frames.icmpSeq(frame), Frames.icmpDataBytes(frame)));
            return;
        }
        count("echo-reply");
        PendingEcho pending = pendingEchoes.remove(echoKey(Frames.icmpId(frame), Frames.icmpSeq(frame)));
        if (pending != null) {
            pending.report().delivered(bridge.nowNs() - pending.sentNs());
        }
    }

    private void count(String kind) {
        received.merge(kind, 1L, Long::sum);
    }

    private static long echoKey(int id, int seq) {
        return ((long) id << 16) | seq;
    }

    @Override
    public String toString() {
        return name + "(" + mac + ", " + Frames.ipText(ip) + ")";
    }
}
