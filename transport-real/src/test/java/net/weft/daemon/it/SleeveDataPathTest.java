package net.weft.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.weft.core.id.PeerName;
import net.weft.core.overlay.SleeveFrame;
import net.weft.core.overlay.SleevePacket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Containers on three hosts' {@code weft} bridges exchange frames over the UDP sleeve: h1 and h3 cannot reach
 * each other on the underlay (h2 is in both subnets and does not route), so c1 -> c3 is relayed by h2's router.
 * Each host runs a real daemon (a child JVM under {@code ip netns exec}) whose TAP port is on its bridge.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SleeveDataPathTest {

    static final String H1 = "aa:00:00:00:01:01";
    static final String H2 = "aa:00:00:00:01:02";
    static final String H3 = "aa:00:00:00:01:03";
    static final String H1_IP = "10.202.1.1";
    static final String H2_ON_A = "10.202.1.2";
    static final String C2_IP = "10.32.0.2";
    static final String C3_IP = "10.32.0.3";
    static final int CONTAINER_MTU = 1376;
    /** h1's bridge MTU: larger than the overlay MTU (1438), so oversize frames reach h1's router. */
    static final int H1_BRIDGE_MTU = 9000;
    static final int OVERLAY_MTU = 1438;
    static final long CONVERGE_MS = 60_000;
    /** Generous bound on the time from h2's restart until c1 -> c3 traffic flows again (the aim is 2 s). */
    static final long RESUME_BOUND_MS = 20_000;
    /** Longer than the daemon's snapshot publishing interval (100 ms), so counters read afterwards are current. */
    static final long SNAPSHOT_SETTLE_MS = 300;
    /** Fewer frames than this on h3 during 50 pings c1 -> c2 means the pings were not flooded there. */
    static final long FLOOD_THRESHOLD = 10;
    static final Pattern CORE_COUNTER = Pattern.compile("^weft_core_events_total\\{name=\"([^\"]+)\"} (\\d+)$",
            Pattern.MULTILINE);

    static Netns net;
    static DaemonProcess h1;
    static DaemonProcess h2;
    static DaemonProcess h3;
    static String c1;
    static String c2;
    static String c3;

    @BeforeAll
    static void hostsDaemonsAndContainers() throws Exception {
        assumeTrue(Netns.usable() && Files.exists(Path.of("/dev/net/tun")), "needs root, iproute2 and /dev/net/tun");
        net = new Netns();
        String n1 = net.add("h1");
        String n2 = net.add("h2");
        String n3 = net.add("h3");
        c1 = net.add("c1");
        c2 = net.add("c2");
        c3 = net.add("c3");
        net.link(n1, H1_IP + "/24", n2, H2_ON_A + "/24");
        net.link(n2, "10.202.2.2/24", n3, "10.202.2.3/24");
        Path logs = Path.of("target", "it-logs", net.prefix);
        h2 = DaemonProcess.launch(n2, logs.resolve("h2.log"), "--name", H2, "--nickname", "h2");
        h1 = DaemonProcess.launch(n1, logs.resolve("h1.log"), "--name", H1, "--nickname", "h1",
                "--mtu", String.valueOf(H1_BRIDGE_MTU), H2_ON_A);
        h3 = DaemonProcess.launch(n3, logs.resolve("h3.log"), "--name", H3, "--nickname", "h3", "10.202.2.2");
        ContainerHosts.attach(net, n1, c1, "10.32.0.1/24", CONTAINER_MTU, "1");
        ContainerHosts.attach(net, n2, c2, C2_IP + "/24", CONTAINER_MTU, "2");
        ContainerHosts.attach(net, n3, c3, C3_IP + "/24", CONTAINER_MTU, "3");
    }

    @AfterAll
    static void tearDown() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    @Order(1)
    void after_convergence_containers_resolve_each_other_and_ping_direct_and_relayed_without_loss()
            throws Exception {
        DaemonProcess.await(() -> h1.http("/status/peers"), p -> p != null
                && p.lines().filter(l -> l.endsWith(" established")).count() == 4, CONVERGE_MS,
                "h1 to see the whole mesh established");
        DaemonProcess.await(() -> ContainerHosts.ping(c1, "-c", "1", "-W", "1", C3_IP).status(), s -> s == 0,
                CONVERGE_MS, "a first relayed ping c1 -> c3");

        for (String target : List.of(C2_IP, C3_IP)) {
            Netns.Result ping = ContainerHosts.ping(c1, "-c", "20", "-i", "0.05", "-W", "1", target);
            System.out.println("c1 -> " + target + ":\n" + ping.out());
            assertThat(ping.out()).as(target).contains(" 0% packet loss");
        }
        String neighbours = Netns.exec(c1, List.of("ip", "neigh", "show", "dev", "ethwe")).out();
        String c3Mac = Netns.exec(c3, List.of("cat", "/sys/class/net/ethwe/address")).out().trim();
        assertThat(neighbours).contains(C3_IP + " lladdr " + c3Mac);
    }

    @Test
    @Order(2)
    void tcp_crosses_the_relay_intact() throws Exception {
        long bytes = 20L * 1024 * 1024;
        ContainerHosts.Background server = ContainerHosts.startProbe(c3, "tcp-serve", "5201");
        Netns.Result client = ContainerHosts.probe(c1, "tcp-send", C3_IP, "5201", String.valueOf(bytes));
        String served = server.finish();

        System.out.println("TCP c1 -> c3 (relayed by h2): " + client.out().trim());
        assertThat(client.status()).as(client.out()).isZero();
        assertThat(served).contains("received " + bytes);
    }

    @Test
    @Order(3)
    void a_broadcast_reaches_every_other_container_exactly_once() throws Exception {
        ContainerHosts.Background at2 = ContainerHosts.startProbe(c2, "udp-count", "7777", "3000");
        ContainerHosts.Background at3 = ContainerHosts.startProbe(c3, "udp-count", "7777", "3000");

        Netns.Result sent = ContainerHosts.probe(c1, "udp-send", "10.32.0.255", "7777", "hello");

        assertThat(sent.status()).as(sent.out()).isZero();
        assertThat(at2.finish()).contains("datagrams 1\n");
        assertThat(at3.finish()).contains("datagrams 1\n");
    }

    @Test
    @Order(4)
    void unicast_between_c1_and_c2_is_not_flooded_to_h3() throws Exception {
        Thread.sleep(SNAPSHOT_SETTLE_MS);
        long h3Before = counter(h3, "frames_delivered");
        long h2Before = counter(h2, "frames_delivered");

        Netns.Result ping = ContainerHosts.ping(c1, "-c", "50", "-i", "0.02", "-W", "1", C2_IP);

        assertThat(ping.out()).contains(" 0% packet loss");
        DaemonProcess.await(() -> counter(h2, "frames_delivered") - h2Before, n -> n >= 50, 5_000,
                "h2's published counters to show the 50 echo requests delivered");
        assertThat(counter(h3, "frames_delivered") - h3Before).as("frames delivered on h3 (ARP broadcasts at most)")
                .isLessThan(FLOOD_THRESHOLD);
    }

    @Test
    @Order(5)
    void a_too_big_df_packet_gets_icmp_fragmentation_needed_from_the_router() {
        ContainerHosts.setMtu(net, h1.ns, c1, "1", H1_BRIDGE_MTU);
        try {
            Netns.Result ping = ContainerHosts.ping(c1, "-M", "do", "-s", "2000", "-c", "2", "-W", "1", C2_IP);
            System.out.println("oversize DF ping:\n" + ping.out());
            assertThat(ping.out()).contains("mtu = " + OVERLAY_MTU);
            assertThat(counter(h1, "icmp_fragmentation_needed_sent")).isGreaterThanOrEqualTo(1);
        } finally {
            ContainerHosts.setMtu(net, h1.ns, c1, "1", CONTAINER_MTU);
            Netns.exec(c1, List.of("ip", "route", "flush", "cache"));
        }
    }

    @Test
    @Order(6)
    void garbage_truncated_unknown_peer_and_oversize_datagrams_are_dropped_and_counted_and_change_nothing()
            throws Exception {
        long droppedBefore = counter(h1, "datagrams_dropped");
        long tooBigBefore = counter(h1, "frames_too_big_received");
        byte[] arp = new byte[42];
        Arrays.fill(arp, 0, 6, (byte) 0xff);
        arp[12] = 0x08;
        arp[13] = 0x06;
        PeerName h2 = PeerName.parse(H2).orElseThrow();
        PeerName stranger = PeerName.parse("bb:00:00:00:00:99").orElseThrow();
        byte[] fromStranger = SleevePacket.encode(stranger, List.of(new SleeveFrame(stranger, stranger, arp)));
        byte[] truncated = SleevePacket.encode(h2, List.of(new SleeveFrame(h2, h2, arp)));
        byte[] oversize = SleevePacket.encode(h2, List.of(new SleeveFrame(h2, h2, Arrays.copyOf(arp, 3000))));
        List<byte[]> hostile = List.of("definitely not a sleeve packet".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new byte[] {1, 2, 3}, fromStranger, Arrays.copyOf(truncated, truncated.length - 10), oversize);
        for (byte[] datagram : hostile) {
            ContainerHosts.sendDatagram(SleeveDataPathTest.h2.ns, H1_IP, 6783, datagram);
        }

        DaemonProcess.await(() -> counter(h1, "datagrams_dropped") - droppedBefore, n -> n >= 4, 10_000,
                "four datagrams dropped");
        DaemonProcess.await(() -> counter(h1, "frames_too_big_received") - tooBigBefore, n -> n == 1, 10_000,
                "the oversize frame dropped and counted");
        assertThat(h1.http("/metrics")).as("the stranger was not added as a peer").contains("\nweft_peers 3\n");
        assertThat(h1.http("/status/peers").lines().filter(l -> l.endsWith(" established"))).hasSize(4);
        assertThat(ContainerHosts.ping(c1, "-c", "3", "-i", "0.1", "-W", "1", C3_IP).out())
                .contains(" 0% packet loss");
    }

    @Test
    @Order(7)
    void after_h2_is_killed_and_relaunched_relayed_traffic_resumes_quickly() throws Exception {
        h2.kill9();
        assertThat(ContainerHosts.ping(c1, "-c", "1", "-W", "1", C3_IP).status()).isNotZero();
        assertThat(links(h2.ns)).as("the TAP went with the killed process; bridge and container stay")
                .doesNotContain("weft-tap").contains("weft:", net.prefix + "v2@");
        h2.start();
        DaemonProcess.await(() -> h2.http("/status"), s -> s != null, CONVERGE_MS, "h2 to answer again");
        long backNs = System.nanoTime();

        DaemonProcess.await(() -> ContainerHosts.ping(c1, "-c", "1", "-W", "1", C3_IP).status(), s -> s == 0,
                RESUME_BOUND_MS, "c1 -> c3 to flow again through the new h2");
        long resumedMs = (System.nanoTime() - backNs) / 1_000_000L;

        System.out.println("c1 -> c3 resumed " + resumedMs + " ms after h2 answered again");
        assertThat(resumedMs).isLessThan(RESUME_BOUND_MS);
    }

    @Test
    @Order(8)
    void weft_stop_removes_the_tap_but_not_the_bridge_or_the_container() throws Exception {
        assertThat(links(h3.ns)).contains("weft-tap");

        Netns.Result stop = h3.weft("stop");

        assertThat(stop.status()).as(stop.out()).isZero();
        DaemonProcess.await(() -> h3.alive(), alive -> !alive, 20_000, "h3's daemon to exit");
        assertThat(links(h3.ns)).doesNotContain("weft-tap").contains("weft:", net.prefix + "v3@");
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
