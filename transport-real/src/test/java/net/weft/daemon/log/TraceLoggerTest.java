package net.weft.daemon.log;

import static org.assertj.core.api.Assertions.assertThat;

import net.weft.core.conn.ConnectionState;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.trace.TraceEvent;
import net.weft.daemon.stats.Counter;
import net.weft.daemon.stats.DaemonCounters;
import org.junit.jupiter.api.Test;

class TraceLoggerTest {

    private static final PeerName SELF = PeerName.of("aa:00:00:00:00:01");
    private static final PeerName OTHER = PeerName.of("aa:00:00:00:00:02");

    private final DaemonCounters counters = new DaemonCounters();
    private final TraceLogger logger = new TraceLogger(counters);

    @Test
    void gossip_frames_and_drops_are_counted_for_the_metrics() {
        logger.accept(new TraceEvent.GossipSent(1, SELF, OTHER, "topology", 4, 100));
        logger.accept(new TraceEvent.GossipSent(2, SELF, OTHER, "topology", 4, 50));
        logger.accept(new TraceEvent.GossipReceived(3, SELF, OTHER, "topology", 4, 70, true));
        logger.accept(new TraceEvent.FrameForwarded(4, SELF, SELF, OTHER, OTHER, 60));
        logger.accept(new TraceEvent.FrameDropped(5, SELF, "no route", 60));
        logger.accept(new TraceEvent.DatagramDropped(6, SELF, new Endpoint("192.0.2.9", 6783), "garbage"));
        logger.accept(new TraceEvent.RoutesRecomputed(7, SELF, 1, 2));

        assertThat(counters.get(Counter.GOSSIP_SENT_MESSAGES)).isEqualTo(2);
        assertThat(counters.get(Counter.GOSSIP_SENT_BYTES)).isEqualTo(150);
        assertThat(counters.get(Counter.GOSSIP_RECEIVED_BYTES)).isEqualTo(70);
        assertThat(counters.get(Counter.FRAMES_FORWARDED)).isEqualTo(1);
        assertThat(counters.get(Counter.FRAMES_DROPPED)).isEqualTo(1);
        assertThat(counters.get(Counter.DATAGRAMS_DROPPED)).isEqualTo(1);
        assertThat(counters.get(Counter.ROUTE_RECALCULATIONS)).isEqualTo(1);
    }

    @Test
    void protocol_violations_are_counted_and_every_connection_state_can_be_logged() {
        logger.accept(new TraceEvent.PeerMisbehaved(1, SELF, ConnectionId.inbound(1),
                new Endpoint("192.0.2.9", 40000), "remote protocol header not recognised"));
        for (ConnectionState s : ConnectionState.values()) {
            logger.accept(new TraceEvent.ConnectionStateChanged(2, SELF, new ConnectionId(1), OTHER,
                    new Endpoint("192.0.2.2", 6783), true, s, s == ConnectionState.CLOSED ? "read timed out" : ""));
            logger.accept(new TraceEvent.ConnectionStateChanged(2, SELF, new ConnectionId(2), PeerName.UNKNOWN,
                    new Endpoint("192.0.2.3", 6783), true, s, "dial tcp 192.0.2.3:6783: connect: connection refused"));
        }

        assertThat(counters.get(Counter.PEER_MISBEHAVIOURS)).isEqualTo(1);
    }
}
