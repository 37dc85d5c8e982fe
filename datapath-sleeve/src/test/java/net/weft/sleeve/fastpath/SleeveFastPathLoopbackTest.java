package net.weft.sleeve.fastpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.weft.core.fastpath.FastPathCounts;
import net.weft.core.fastpath.FastPathHop;
import net.weft.core.fastpath.FastPathTable;
import net.weft.core.fastpath.MacSighting;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.overlay.SleeveChannel;
import net.weft.core.overlay.SleeveFrame;
import net.weft.core.overlay.SleevePacket;
import net.weft.core.wire.ParseResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three fast paths on loopback, A - B - C, without TAP ports: B relays A's frames for C on its own thread, in the
 * clear and sealed hop by hop; what B's table does not cover reaches B's router, as it arrived or opened.
 */
class SleeveFastPathLoopbackTest {

    private static final long WAIT_S = 10;
    private static final PeerName A = PeerName.of("aa:00:00:00:00:01");
    private static final PeerName B = PeerName.of("aa:00:00:00:00:02");
    private static final PeerName C = PeerName.of("aa:00:00:00:00:03");
    private static final PeerName D = PeerName.of("aa:00:00:00:00:04");
    private static final byte[] KEY_AB = key(1);
    private static final byte[] KEY_BC = key(2);

    /** What one fast path handed its router. */
    private static final class Recorder implements SlowPath {
        final BlockingQueue<byte[]> raw = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> opened = new LinkedBlockingQueue<>();
        final BlockingQueue<FastPathCounts> reports = new LinkedBlockingQueue<>();
        final List<InetSocketAddress> senders = new ArrayList<>();
        final BlockingQueue<Integer> tooBig = new LinkedBlockingQueue<>();

        @Override
        public void framesCaptured(List<byte[]> frames) {
        }

        @Override
        public synchronized void datagramReceived(InetSocketAddress from, byte[] wire) {
            senders.add(from);
            raw.add(wire);
        }

        @Override
        public void datagramOpened(InetSocketAddress from, byte[] plainDatagram) {
            opened.add(plainDatagram);
        }

        @Override
        public void report(List<MacSighting> sightings, FastPathCounts counts) {
            reports.add(counts);
        }

        @Override
        public void sendTooBig(InetSocketAddress to, int routeMtu) {
            tooBig.add(routeMtu);
        }
    }

    private final Recorder atB = new Recorder();
    private final Recorder atC = new Recorder();
    private final List<SleeveFastPath> paths = new ArrayList<>();

    private SleeveFastPath start(PeerName name, Recorder recorder) {
        SleeveFastPath p = SleeveFastPath.start(name, new InetSocketAddress("127.0.0.1", 0), recorder, System::nanoTime);
        paths.add(p);
        return p;
    }

    @AfterEach
    void close() {
        paths.forEach(SleeveFastPath::close);
    }

    private static Endpoint endpoint(SleeveFastPath p) {
        return new Endpoint("127.0.0.1", p.localAddress().getPort());
    }

    private static FastPathTable relayTable(PeerName self, FastPathHop from, FastPathHop to, PeerName dst) {
        TreeMap<PeerName, PeerName> routes = new TreeMap<>();
        routes.put(dst, to.peer());
        routes.put(from.peer(), from.peer());
        return FastPathTable.of(self, 1, List.of(), routes, List.of(from, to));
    }

    /** B, with a table relaying A's frames for C in the clear, and C behind it. */
    private SleeveFastPath plainRelayFromAToC(SleeveFastPath a) {
        SleeveFastPath b = start(B, atB);
        SleeveFastPath c = start(C, atC);
        b.install(relayTable(B, new FastPathHop(A, endpoint(a), 1438, SleeveChannel.plain()),
                new FastPathHop(C, endpoint(c), 1438, SleeveChannel.plain()), C));
        return b;
    }

    private static byte[] frame(int fill, int length) {
        byte[] f = new byte[length];
        java.util.Arrays.fill(f, (byte) fill);
        f[0] = 0x02;
        f[6] = 0x02;
        return f;
    }

    private static byte[] datagram(PeerName sender, SleeveFrame... frames) {
        return SleevePacket.encode(sender, List.of(frames));
    }

    @Test
    void aDatagramFromTheRouterArrivesFromTheSleevePort() throws Exception {
        SleeveFastPath a = start(A, new Recorder());
        SleeveFastPath b = start(B, atB);

        assertThat(a.send(endpoint(b), new byte[] {42})).isTrue();

        assertThat(atB.raw.poll(WAIT_S, TimeUnit.SECONDS)).containsExactly(42);
        assertThat(atB.senders.get(0).getPort()).isEqualTo(a.localAddress().getPort());
        assertThat(a.datagramsSent()).isEqualTo(1);
        assertThat(b.datagramsReceived()).isEqualTo(1);
    }

    @Test
    void theMiddlePeerRelaysPlainFramesWithoutItsRouter() throws Exception {
        SleeveFastPath a = start(A, new Recorder());
        SleeveFastPath b = plainRelayFromAToC(a);
        byte[] f1 = frame(1, 1300);
        byte[] f2 = frame(2, 60);
        byte[] f3 = frame(3, 1400);

        a.send(endpoint(b), datagram(A, new SleeveFrame(A, C, f1), new SleeveFrame(A, C, f2),
                new SleeveFrame(A, C, f3)));

        ParseResult<SleevePacket> first = SleevePacket.decode(atC.raw.poll(WAIT_S, TimeUnit.SECONDS));
        ParseResult<SleevePacket> second = SleevePacket.decode(atC.raw.poll(WAIT_S, TimeUnit.SECONDS));
        assertThat(first.value().sender()).isEqualTo(B);
        assertThat(first.value().frames()).as("packed while one full frame's room lasts")
                .extracting(SleeveFrame::frame).containsExactly(f1, f2);
        assertThat(second.value().frames()).extracting(SleeveFrame::frame).containsExactly(f3);
        assertThat(first.value().frames()).extracting(SleeveFrame::src).containsOnly(A);
        assertThat(atB.raw).isEmpty();
        assertThat(atB.opened).isEmpty();
        b.close();
        assertThat(atB.reports.poll(WAIT_S, TimeUnit.SECONDS)).isEqualTo(new FastPathCounts(0, 3, 0, 3));
    }

    @Test
    void sealedFramesAreOpenedWithTheFirstHopsKeyAndResealedWithTheNextHops() throws Exception {
        SleeveFastPath a = start(A, new Recorder());
        SleeveFastPath b = start(B, atB);
        SleeveFastPath c = start(C, atC);
        SleeveChannel aToB = SleeveChannel.encrypted(A, KEY_AB, true);
        SleeveChannel cFromB = SleeveChannel.encrypted(C, KEY_BC, false);
        b.install(relayTable(B, new FastPathHop(A, endpoint(a), 1414, SleeveChannel.encrypted(B, KEY_AB, false)),
                new FastPathHop(C, endpoint(c), 1414, SleeveChannel.encrypted(B, KEY_BC, true)), C));
        byte[] f = frame(3, 1000);

        for (int i = 0; i < 3; i++) {
            a.send(endpoint(b), aToB.wrap(datagram(A, new SleeveFrame(A, C, f))));
        }

        for (int i = 0; i < 3; i++) {
            SleeveChannel.Unwrapped opened = cFromB.unwrap(atC.raw.poll(WAIT_S, TimeUnit.SECONDS));
            assertThat(opened.ok()).isTrue();
            assertThat(SleevePacket.decode(opened.plainDatagram()).value().frames())
                    .containsExactly(new SleeveFrame(A, C, f));
        }
        assertThat(atB.raw).isEmpty();
    }

    @Test
    void whatTheTableDoesNotCoverReachesTheRouterAsItArrivedOrOpened() throws Exception {
        SleeveFastPath a = start(A, new Recorder());
        SleeveFastPath b = plainRelayFromAToC(a);
        byte[] forB = frame(4, 100);
        byte[] tooBig = frame(5, 1500);
        byte[] garbage = {1, 2, 3};
        byte[] truncated = datagram(A, new SleeveFrame(A, C, forB));

        a.send(endpoint(b), datagram(A, new SleeveFrame(A, B, forB), new SleeveFrame(A, C, tooBig)));
        a.send(endpoint(b), garbage);
        a.send(endpoint(b), java.util.Arrays.copyOf(truncated, truncated.length - 1));
        a.send(endpoint(b), datagram(D, new SleeveFrame(D, C, forB)));

        SleevePacket left = SleevePacket.decode(atB.opened.poll(WAIT_S, TimeUnit.SECONDS)).value();
        assertThat(left.sender()).isEqualTo(A);
        assertThat(left.frames()).containsExactly(new SleeveFrame(A, B, forB), new SleeveFrame(A, C, tooBig));
        assertThat(atB.raw.poll(WAIT_S, TimeUnit.SECONDS)).isEqualTo(garbage);
        byte[] cut = atB.opened.poll(WAIT_S, TimeUnit.SECONDS);
        assertThat(SleevePacket.decode(cut).isOk()).isFalse();
        assertThat(SleevePacket.decode(atB.raw.poll(WAIT_S, TimeUnit.SECONDS)).value().sender())
                .as("a sender without a hop").isEqualTo(D);
        assertThat(atC.raw).isEmpty();
    }

    private static byte[] key(int seed) {
        byte[] k = new byte[32];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (seed * 31 + i);
        }
        return k;
    }
}
