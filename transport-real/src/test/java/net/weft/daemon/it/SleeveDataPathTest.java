package net.weft.daemon.it;

import static net.weft.daemon.it.SleeveMesh.C2_IP;
import static net.weft.daemon.it.SleeveMesh.C3_IP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.weft.core.id.PeerName;
import net.weft.core.overlay.SleeveFrame;
import net.weft.core.overlay.SleevePacket;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Containers on three hosts' {@code weft} bridges, attached with {@code weft attach}, exchange frames over the UDP
 * sleeve ({@link SleeveMesh}: c1 -> c3 is relayed by h2's router): address resolution, pings and TCP, broadcast,
 * MAC learning, ICMP for oversize frames, hostile datagrams, a crash and restart of the relay, and {@code weft stop}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SleeveDataPathTest {

    static final int OVERLAY_MTU = 1438;
    /** Generous bound on the time from h2's restart until c1 -> c3 traffic flows again (the aim is 2 s). */
    static final long RESUME_BOUND_MS = 20_000;
    /** Seconds between the echo requests that time the resumption after h2's restart. */
    static final String RESUME_PING_INTERVAL_S = "0.05";
    /** Longer than the daemon's snapshot publishing interval (100 ms), so counters read afterwards are current. */
    static final long SNAPSHOT_SETTLE_MS = 300;
    /** Fewer frames than this on h3 during 50 pings c1 -> c2 means the pings were not flooded there. */
    static final long FLOOD_THRESHOLD = 10;
    static final Pattern CORE_COUNTER = Pattern.compile("^weft_core_events_total\\{name=\"([^\"]+)\"} (\\d+)$",
            Pattern.MULTILINE);

    @RegisterExtension
    static final SleeveMesh mesh = new SleeveMesh();

    @Test
    @Order(1)
    void containers_attached_by_weft_attach_resolve_each_other_and_ping_direct_and_relayed_without_loss()
            throws Exception {
        mesh.awaitConverged();

        mesh.assertPingsWithoutLoss(C2_IP);
        mesh.assertPingsWithoutLoss(C3_IP);
        String neighbours = Netns.exec(mesh.c1, List.of("ip", "neigh", "show", "dev", "ethwe")).out();
        String c3Mac = Netns.exec(mesh.c3, List.of("cat", "/sys/class/net/ethwe/address")).out().trim();
        assertThat(c3Mac).isEqualTo(ContainerHosts.containerMac(mesh.c3));
        assertThat(neighbours).contains(C3_IP + " lladdr " + c3Mac);
        assertThat(mesh.h1.weft("ps").out()).contains(mesh.c1 + " " + ContainerHosts.containerMac(mesh.c1) + " "
                + SleeveMesh.C1_CIDR);
    }

    @Test
    @Order(2)
    void tcp_crosses_the_relay_intact() throws Exception {
        mesh.assertTcpC1ToC3Intact(20L * 1024 * 1024);
    }

    @Test
    @Order(3)
    void a_broadcast_reaches_every_other_container_exactly_once() throws Exception {
        ContainerHosts.Background at2 = ContainerHosts.startProbe(mesh.c2, "udp-count", "7777", "3000");
        ContainerHosts.Background at3 = ContainerHosts.startProbe(mesh.c3, "udp-count", "7777", "3000");

        Netns.Result sent = ContainerHosts.probe(mesh.c1, "udp-send", "10.32.0.255", "7777", "hello");

        assertThat(sent.status()).as(sent.out()).isZero();
        assertThat(at2.finish()).contains("datagrams 1\n");
        assertThat(at3.finish()).contains("datagrams 1\n");
    }

    @Test
    @Order(4)
    void unicast_between_c1_and_c2_is_not_flooded_to_h3() throws Exception {
        Thread.sleep(SNAPSHOT_SETTLE_MS);
        long h3Before = counter(mesh.h3, "frames_delivered");
        long h2Before = counter(mesh.h2, "frames_delivered");

        Netns.Result ping = ContainerHosts.ping(mesh.c1, "-c", "50", "-i", "0.02", "-W", "1", C2_IP);

        assertThat(ping.out()).contains(" 0% packet loss");
        DaemonProcess.await(() -> counter(mesh.h2, "frames_delivered") - h2Before, n -> n >= 50, 5_000,
                "h2's published counters to show the 50 echo requests delivered");
        assertThat(counter(mesh.h3, "frames_delivered") - h3Before)
                .as("frames delivered on h3 (ARP broadcasts at most)")
                .isLessThan(FLOOD_THRESHOLD);
    }

    @Test
    @Order(5)
    void a_too_big_df_packet_gets_icmp_fragmentation_needed_from_the_router() {
        ContainerHosts.setMtu(mesh.h1.ns, mesh.c1, SleeveMesh.H1_BRIDGE_MTU);
        try {
            Netns.Result ping = ContainerHosts.ping(mesh.c1, "-M", "do", "-s", "2000", "-c", "2", "-W", "1", C2_IP);
            System.out.println("oversize DF ping:\n" + ping.out());
            assertThat(ping.out()).contains("mtu = " + OVERLAY_MTU);
            assertThat(counter(mesh.h1, "icmp_fragmentation_needed_sent")).isGreaterThanOrEqualTo(1);
        } finally {
            ContainerHosts.setMtu(mesh.h1.ns, mesh.c1, SleeveMesh.CONTAINER_MTU);
            Netns.exec(mesh.c1, List.of("ip", "route", "flush", "cache"));
        }
    }

    @Test
    @Order(6)
    void garbage_truncated_unknown_peer_and_oversize_datagrams_are_dropped_and_counted_and_change_nothing()
            throws Exception {
        long droppedBefore = counter(mesh.h1, "datagrams_dropped");
        long tooBigBefore = counter(mesh.h1, "frames_too_big_received");
        byte[] arp = new byte[42];
        Arrays.fill(arp, 0, 6, (byte) 0xff);
        arp[12] = 0x08;
        arp[13] = 0x06;
        PeerName h2 = PeerName.parse(SleeveMesh.H2).orElseThrow();
        PeerName stranger = PeerName.parse("bb:00:00:00:00:99").orElseThrow();
        byte[] fromStranger = SleevePacket.encode(stranger, List.of(new SleeveFrame(stranger, stranger, arp)));
        byte[] truncated = SleevePacket.encode(h2, List.of(new SleeveFrame(h2, h2, arp)));
        byte[] oversize = SleevePacket.encode(h2, List.of(new SleeveFrame(h2, h2, Arrays.copyOf(arp, 3000))));
        List<byte[]> hostile = List.of("definitely not a sleeve packet".getBytes(StandardCharsets.UTF_8),
                new byte[] {1, 2, 3}, fromStranger, Arrays.copyOf(truncated, truncated.length - 10), oversize);
        for (byte[] datagram : hostile) {
            ContainerHosts.sendDatagram(mesh.h2.ns, SleeveMesh.H1_IP, 6783, datagram);
        }

        DaemonProcess.await(() -> counter(mesh.h1, "datagrams_dropped") - droppedBefore, n -> n >= 4, 10_000,
                "four datagrams dropped");
        DaemonProcess.await(() -> counter(mesh.h1, "frames_too_big_received") - tooBigBefore, n -> n == 1, 10_000,
                "the oversize frame dropped and counted");
        assertThat(mesh.h1.http("/metrics")).as("the stranger was not added as a peer").contains("\nweft_peers 3\n");
        assertThat(mesh.h1.http("/status/peers").lines().filter(l -> l.endsWith(" established"))).hasSize(4);
        assertThat(ContainerHosts.ping(mesh.c1, "-c", "3", "-i", "0.1", "-W", "1", C3_IP).out())
                .contains(" 0% packet loss");
    }

    @Test
    @Order(7)
    void after_h2_is_killed_and_relaunched_relayed_traffic_resumes_quickly() throws Exception {
        ContainerHosts.Background pings = ContainerHosts.startPing(mesh.c1, "-i", RESUME_PING_INTERVAL_S, C3_IP);
        long killedAtMs = System.currentTimeMillis();
        mesh.h2.kill9();
        assertThat(ContainerHosts.ping(mesh.c1, "-c", "1", "-W", "1", C3_IP).status()).isNotZero();
        assertThat(links(mesh.h2.ns)).as("the TAP went with the killed process; bridge and container stay")
                .doesNotContain("weft-tap").contains("weft:", ContainerHosts.hostEnd(mesh.c2) + "@");
        mesh.h2.start();
        DaemonProcess.await(() -> mesh.h2.http("/status"), s -> s != null, SleeveMesh.CONVERGE_MS,
                "h2 to answer again");
        long answeredAtMs = System.currentTimeMillis();

        DaemonProcess.await(() -> ContainerHosts.ping(mesh.c1, "-c", "1", "-W", "1", C3_IP).status(), s -> s == 0,
                RESUME_BOUND_MS, "c1 -> c3 to flow again through the new h2");

        String pingLog = pings.interrupt();
        long startedAtMs = RestartTimes.last(mesh.h2.logText(), RestartTimes.STARTED);
        long resumedAtMs = RestartTimes.firstReplyAfter(pingLog, killedAtMs);
        long h1BackMs = RestartTimes.last(mesh.h1.logText(), RestartTimes.ESTABLISHED) - startedAtMs;
        long h3BackMs = RestartTimes.last(mesh.h3.logText(), RestartTimes.ESTABLISHED) - startedAtMs;
        System.out.printf("c1 -> c3 resumed %d ms after h2's daemon started: h1 reconnected at +%d ms, h3 at +%d ms,"
                        + " traffic %d ms after the later; h2 answered its API at +%d ms and took %d ms from the kill"
                        + " to its start%n", resumedAtMs - startedAtMs, h1BackMs, h3BackMs,
                resumedAtMs - startedAtMs - Math.max(h1BackMs, h3BackMs), answeredAtMs - startedAtMs,
                startedAtMs - killedAtMs);
        assertThat(startedAtMs).as("h2's new start is logged after the kill").isGreaterThan(killedAtMs);
        assertThat(resumedAtMs - startedAtMs).as("resume time after h2's start").isBetween(0L, RESUME_BOUND_MS);
    }

    @Test
    @Order(8)
    void weft_stop_removes_the_tap_but_not_the_bridge_or_the_container() throws Exception {
        assertThat(links(mesh.h3.ns)).contains("weft-tap");

        Netns.Result stop = mesh.h3.weft("stop");

        assertThat(stop.status()).as(stop.out()).isZero();
        DaemonProcess.await(() -> mesh.h3.alive(), alive -> !alive, 20_000, "h3's daemon to exit");
        assertThat(links(mesh.h3.ns)).doesNotContain("weft-tap")
                .contains("weft:", ContainerHosts.hostEnd(mesh.c3) + "@");
    }

    private static String links(String ns) {
        return Netns.exec(ns, List.of("ip", "-o", "link", "show")).out();
    }

    /** A router counter from the daemon's {@code /metrics}; 0 when it was never counted. */
    static long counter(DaemonProcess d, String name) {
        String metrics = d.http("/metrics");
        assertThat(metrics).as("metrics of " + d.ns).isNotNull();
        Matcher m = CORE_COUNTER.matcher(metrics);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return Long.parseLong(m.group(2));
            }
        }
        return 0;
    }
}
