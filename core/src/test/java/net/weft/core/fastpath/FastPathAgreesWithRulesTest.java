package net.weft.core.fastpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import net.weft.core.forward.ForwardDecision;
import net.weft.core.forward.ForwardingRules;
import net.weft.core.forward.MacCache;
import net.weft.core.forward.RouteLookup;
import net.weft.core.id.Endpoint;
import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;
import net.weft.core.overlay.SleeveChannel;
import net.weft.core.rng.SplitMix64;
import org.junit.jupiter.api.Test;

/**
 * The fast path may only take a frame when the router's rules would decide exactly the same and learn nothing:
 * random MAC caches, routes, usable hops and frames; whenever the table answers, the rules, run on a cache with
 * the same contents, give the same decision and leave the cache's version unchanged.
 */
class FastPathAgreesWithRulesTest {

    private static final long MINUTE = 60_000_000_000L;
    private static final PeerName SELF = new PeerName(0xaa_0000_0001L);
    private static final int PEERS = 6;
    private static final int MACS = 10;
    private static final long BROADCAST = 0xFFFF_FFFF_FFFFL;

    /** One random situation seen from SELF, drawn from a seed. */
    private static final class World {
        final List<PeerName> peers = new ArrayList<>();
        final MacCache macs = new MacCache(10 * MINUTE);
        final SortedMap<PeerName, PeerName> nextHops = new TreeMap<>();
        final List<FastPathHop> hops = new ArrayList<>();
        final long[] macPool = new long[MACS + 2];
        final SplitMix64 rng;
        final FastPathTable table;

        World(long seed) {
            rng = new SplitMix64(seed);
            peers.add(SELF);
            for (int i = 2; i <= PEERS; i++) {
                peers.add(new PeerName(0xaa_0000_0000L + i));
            }
            for (int i = 0; i < MACS; i++) {
                macPool[i] = 0x02_0000_0000_00L + i + 1;
                if (rng.nextInt(4) != 0) {
                    macs.addForced(new MacAddress(macPool[i]), pick(), 0);
                }
            }
            macPool[MACS] = BROADCAST;
            macPool[MACS + 1] = 0x01_00_5e_00_00_01L;
            for (PeerName p : peers) {
                if (!p.equals(SELF) && rng.nextInt(5) != 0) {
                    nextHops.put(p, peers.get(1 + rng.nextInt(PEERS - 1)));
                }
            }
            for (int i = 1; i < PEERS; i++) {
                if (rng.nextInt(4) != 0) {
                    hops.add(new FastPathHop(peers.get(i), new Endpoint("10.0.0." + i, 6783),
                            1000 + rng.nextInt(500), SleeveChannel.plain()));
                }
            }
            table = FastPathTable.of(SELF, 1, macs.view(), nextHops, hops);
        }

        PeerName pick() {
            return peers.get(rng.nextInt(PEERS));
        }

        byte[] frame() {
            int length = 10 + rng.nextInt(1600);
            byte[] f = new byte[length];
            if (length >= 12) {
                writeMac(f, 0, macPool[rng.nextInt(macPool.length)]);
                writeMac(f, 6, rng.nextInt(8) == 0 ? 0 : macPool[rng.nextInt(MACS)]);
            }
            return f;
        }

        RouteLookup routes() {
            return new RouteLookup() {
                @Override
                public Optional<PeerName> unicast(PeerName dst) {
                    return Optional.ofNullable(nextHops.get(dst));
                }

                @Override
                public List<PeerName> broadcast(PeerName source) {
                    return List.of(peers.get(1));
                }
            };
        }

        Optional<FastPathHop> hop(PeerName peer) {
            return hops.stream().filter(h -> h.peer().equals(peer)).findFirst();
        }
    }

    @Test
    void capturedFramesTakeTheFastPathOnlyWhenTheRulesSendThemUnicastWithoutLearning() {
        qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            World w = new World(seed);
            byte[] frame = w.frame();
            FastPathTarget target = w.table.forCaptured(frame, 0, frame.length);
            if (target == null) {
                return;
            }
            long version = w.macs.version();
            ForwardDecision d = new ForwardingRules(SELF, w.macs).onCaptured(frame, w.routes(), 1);
            assertThat(d).isEqualTo(new ForwardDecision.Unicast(target.dstPeer(), target.hop().peer()));
            assertThat(w.hop(target.hop().peer())).contains(target.hop());
            assertThat(frame.length).isLessThanOrEqualTo(target.hop().mtu() + 14);
            assertThat(w.macs.version()).isEqualTo(version);
        });
    }

    @Test
    void receivedFramesForUsAreDeliveredFastOnlyWhenTheRulesDeliverThemWithoutLearning() {
        qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            World w = new World(seed);
            byte[] frame = w.frame();
            PeerName srcPeer = w.pick();
            for (FastPathHop from : w.hops) {
                if (!w.table.deliverable(from, srcPeer, frame, 0, frame.length)) {
                    continue;
                }
                long version = w.macs.version();
                ForwardDecision d = new ForwardingRules(SELF, w.macs).onReceived(srcPeer, SELF, frame, w.routes(), 1);
                assertThat(d).isEqualTo(new ForwardDecision.Deliver());
                assertThat(frame.length).isLessThanOrEqualTo(from.mtu() + 14);
                assertThat(w.macs.version()).isEqualTo(version);
            }
        });
    }

    @Test
    void relayedFramesFollowTheRulesRelayDecisionThroughAUsableHop() {
        qt().withExamples(3000).forAll(longs().all(), integers().between(0, PEERS - 1)).checkAssert((seed, d) -> {
            World w = new World(seed);
            byte[] frame = w.frame();
            PeerName dstPeer = w.peers.get(d);
            for (FastPathHop from : w.hops) {
                FastPathTarget target = w.table.forRelay(from, dstPeer, frame, 0, frame.length);
                if (target == null) {
                    continue;
                }
                ForwardDecision decision = new ForwardingRules(SELF, w.macs)
                        .onReceived(w.pick(), dstPeer, frame, w.routes(), 1);
                assertThat(decision).isEqualTo(new ForwardDecision.Relay(dstPeer, target.hop().peer()));
                assertThat(w.hop(target.hop().peer())).contains(target.hop());
                assertThat(frame.length).isLessThanOrEqualTo(Math.min(from.mtu(), target.hop().mtu()) + 14);
            }
        });
    }

    @Test
    void theFastPathTakesTheCommonCases() {
        int captured = 0;
        int delivered = 0;
        int relayed = 0;
        for (long seed = 1; seed <= 3000; seed++) {
            World w = new World(seed);
            byte[] frame = w.frame();
            captured += w.table.forCaptured(frame, 0, frame.length) != null ? 1 : 0;
            for (FastPathHop from : w.hops) {
                delivered += w.table.deliverable(from, w.pick(), frame, 0, frame.length) ? 1 : 0;
                relayed += w.table.forRelay(from, w.pick(), frame, 0, frame.length) != null ? 1 : 0;
            }
        }
        assertThat(captured).as("captured frames taken").isGreaterThan(50);
        assertThat(delivered).as("frames delivered").isGreaterThan(50);
        assertThat(relayed).as("frames relayed").isGreaterThan(50);
    }

    private static void writeMac(byte[] f, int offset, long mac) {
        for (int i = 0; i < 6; i++) {
            f[offset + i] = (byte) (mac >>> (8 * (5 - i)));
        }
    }
}
