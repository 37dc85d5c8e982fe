package net.weft.core.conn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.weft.core.Timings;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.rng.SplitMix64;
import net.weft.core.view.TargetView;
import net.weft.core.wire.ConnectionSummary;
import org.junit.jupiter.api.Test;

/**
 * Random event sequences against a model of the router around the connection maker: the model keeps the
 * dials in flight and the live connections, and refreshes the maker after every change, as the router
 * does. After every {@code dueDials} the safety rules are checked; at the end, liveness.
 */
class ConnectionMakerPropertyTest {

    static final long MS = 1_000_000L;
    static final long S = 1_000 * MS;
    static final int PORT = 6783;
    static final PeerName US = new PeerName(1);
    static final int HOSTS = 8;
    static final List<String> DIRECT_TEXTS = List.of("10.0.0.1", "10.0.0.2:6783", "10.0.0.3:7000", "10.0.0.4",
            "10.0.0.5", "bad:entry:x");
    static final Timings TIMINGS = Timings.weave();

    @Test
    void randomEventSequencesKeepTheDialRules() {
        qt().withExamples(200).forAll(longs().all(), lists().of(integers().between(0, 99_999)).ofSizeBetween(1, 250))
                .checkAssert((seed, ops) -> new World(seed).run(ops));
    }

    /** Peer name of the peer listening on host index {@code h}. */
    static PeerName peerOf(String host) {
        return new PeerName(0x100 + Integer.parseInt(host.substring(host.lastIndexOf('.') + 1)));
    }

    static Endpoint hostEndpoint(int h, int port) {
        return new Endpoint("10.0.0." + h, port);
    }

    /** The maker, the model of the world around it, and the checks. */
    static final class World {
        final ConnectionMaker cm;
        final SplitMix64 choices;
        final TreeSet<Endpoint> inFlight = new TreeSet<>();
        final TreeSet<Endpoint> outbound = new TreeSet<>();
        final TreeMap<Endpoint, PeerName> inbound = new TreeMap<>();
        final List<DiscoveredPeer> topology = new ArrayList<>();
        long now = 10 * S;
        long expectedTerminations;
        int limit;
        ConnectedSet lastRefresh = ConnectedSet.EMPTY;

        World(long seed) {
            cm = new ConnectionMaker(US, PORT, TIMINGS, (seed & 1) == 0, new SplitMix64(seed));
            choices = new SplitMix64(~seed);
        }

        void run(List<Integer> ops) {
            for (int op : ops) {
                step(op % 10, op / 10);
            }
            checkLiveness();
        }

        void step(int kind, int param) {
            if (kind == 0) {
                cm.initiate(pick(DIRECT_TEXTS, param), (param & 1) == 1, now);
            } else if (kind == 1) {
                cm.forget(pick(DIRECT_TEXTS, param), now);
            } else if (kind == 2) {
                changeTopologyAndInbound(param);
            } else if (kind == 3 || kind == 4) {
                dialAndCheck();
            } else if (kind == 5) {
                dialOutcome(param);
            } else if (kind == 6) {
                endConnection(param);
            } else if (kind == 7) {
                limit = param % 4 == 0 ? param % 7 : 0;
                cm.setConnectionLimit(limit);
            } else {
                now += param % 13 == 0 ? (param % 1000) * S : (param % 200) * 10 * MS;
            }
        }

        void changeTopologyAndInbound(int param) {
            topology.clear();
            for (int p = 1; p <= 3; p++) {
                List<ConnectionSummary> reported = new ArrayList<>();
                for (int h = 1; h <= HOSTS; h++) {
                    if (((param >> (p * 3 + h)) & 1) == 1) {
                        boolean out = ((param >> h) & 1) == 1;
                        Endpoint at = hostEndpoint(h, out ? PORT : 40_000 + h);
                        reported.add(new ConnectionSummary(peerOf(at.host()), at.toString(), out, true));
                    }
                }
                reported.add(new ConnectionSummary(US, "10.0.0.99:6783", true, true));
                topology.add(new DiscoveredPeer(new PeerName(0x200 + p), reported));
            }
            int h = 1 + param % HOSTS;
            Endpoint from = hostEndpoint(h, param % 3 == 0 ? PORT : 50_000 + param % 3);
            if (inbound.remove(from) != null) {
                cm.connectionEnded(from, false, "EOF", EndCause.ERROR, now);
                expectedTerminations++;
            } else {
                inbound.put(from, peerOf(from.host()));
            }
            refresh();
        }

        void dialOutcome(int param) {
            if (inFlight.isEmpty()) {
                return;
            }
            Endpoint target = new ArrayList<>(inFlight).get(param % inFlight.size());
            inFlight.remove(target);
            if (param % 3 == 0) {
                assertThat(cm.dialFailed(target, "connection refused", now)).isTrue();
            } else if (param % 3 == 1) {
                assertThat(cm.connected(target)).isTrue();
                outbound.add(target);
                refresh();
            } else {
                EndCause cause = EndCause.values()[param % EndCause.values().length];
                cm.connectionEnded(target, true, "handshake failed", cause, now);
                expectedTerminations += cause.countsAsTermination() ? 1 : 0;
                refresh();
            }
        }

        void endConnection(int param) {
            if (outbound.isEmpty()) {
                return;
            }
            Endpoint target = new ArrayList<>(outbound).get(param % outbound.size());
            outbound.remove(target);
            EndCause cause = param % 17 == 0 ? EndCause.NAME_COLLISION : EndCause.ERROR;
            cm.connectionEnded(target, true, "read timeout", cause, now);
            expectedTerminations++;
            refresh();
        }

        void refresh() {
            List<LiveConnection> live = new ArrayList<>();
            for (Endpoint e : outbound) {
                live.add(new LiveConnection(peerOf(e.host()), e, true));
            }
            inbound.forEach((e, name) -> live.add(new LiveConnection(name, e, false)));
            lastRefresh = ConnectedSet.of(live);
            cm.refresh(now, lastRefresh, topology);
        }

        void dialAndCheck() {
            int busyBefore = lastRefresh.connectionCount() + inFlight.size();
            List<DialRequest> dials = cm.dueDials(now);
            Set<Endpoint> seen = new TreeSet<>();
            for (DialRequest d : dials) {
                Endpoint a = d.address();
                assertThat(seen.add(a)).as("dialled twice at once: %s", a).isTrue();
                assertThat(inFlight).as("dial already in flight").doesNotContain(a);
                assertThat(outbound).as("dial to a connected target").doesNotContain(a);
                assertThat(lastRefresh.remoteEndpoints()).as("dial to a connected address").doesNotContain(a);
                assertThat(a.host()).isNotEqualTo("10.0.0.99");
                inFlight.add(a);
            }
            assertThat(dials.size()).isLessThanOrEqualTo(ConnectionMaker.DIAL_BURST);
            if (limit > 0 && !dials.isEmpty()) {
                assertThat(busyBefore + dials.size()).isLessThanOrEqualTo(limit);
            }
            assertThat(cm.nextDeadlineNs(now)).as("no busy loop after dueDials").isGreaterThan(now);
            assertThat(cm.terminations()).isEqualTo(expectedTerminations);
        }

        /** With the limit lifted and no more events, every due target is dialled, spaced by the tokens. */
        void checkLiveness() {
            cm.setConnectionLimit(0);
            limit = 0;
            Set<String> due = new TreeSet<>();
            for (TargetView v : cm.view()) {
                if ((v.state().equals("waiting") || v.state().equals("failed")) && v.nextTryNs() <= now) {
                    due.add(v.address());
                }
            }
            Set<String> dialled = new TreeSet<>();
            int rounds = 0;
            while (true) {
                long deadline = cm.nextDeadlineNs(now);
                assertThat(deadline).isGreaterThanOrEqualTo(now);
                if (deadline == Long.MAX_VALUE) {
                    break;
                }
                if (deadline > now) {
                    assertThat(cm.dueDials(deadline - 1)).as("dial before the deadline").isEmpty();
                }
                now = deadline;
                cm.dueDials(now).forEach(d -> dialled.add(d.address().toString()));
                assertThat(++rounds).isLessThan(100);
            }
            assertThat(dialled).containsAll(due);
            for (TargetView v : cm.view()) {
                assertThat(v.state().equals("waiting") || v.state().equals("failed"))
                        .as("left waiting: %s", v).isEqualTo(v.nextTryNs() == Long.MAX_VALUE);
            }
        }

        /** A deterministic subset of {@code items} chosen by {@code param} and the choice stream. */
        <T> List<T> pick(List<T> items, int param) {
            List<T> out = new ArrayList<>();
            long bits = choices.nextLong() ^ param;
            for (int i = 0; i < items.size(); i++) {
                if (((bits >>> i) & 1) == 1) {
                    out.add(items.get(i));
                }
            }
            return out;
        }
    }
}
