package net.weft.core.topology;

import static net.weft.core.topology.TestTopology.peer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import org.junit.jupiter.api.Test;

/**
 * A peer restarts with a new UID while its old record is still around: its fresh entry (version 1, one pending
 * connection) first loses to the old one (version 2), then the old record reaches it, its version jumps past it,
 * and its new record wins everywhere.
 */
class RestartScenarioTest {

    private static final PeerName A = peer(1);
    private static final PeerName B = peer(2);

    private static void connect(Peers table, PeerName remote, PeerUid remoteUid) {
        table.reference(remote, "p" + remote.value(), remoteUid, (int) remote.value(), true, true).value();
        table.addLocalConnection(remote, "10.0.0." + remote.value() + ":6783", true, false);
        table.setLocalEstablished(remote);
    }

    @Test
    void aRestartedPeersNewRecordWinsOnceItHasSeenItsOldOne() {
        Peers a = new Peers(A, "a", new PeerUid(10), 1, 100);
        Peers b = new Peers(B, "b", new PeerUid(100), 2, 100);
        connect(a, B, new PeerUid(100));
        connect(b, A, new PeerUid(10));
        a.applyUpdate(b.allSummaries());
        b.applyUpdate(a.allSummaries());
        assertThat(a.get(B).orElseThrow().version()).isEqualTo(2);

        // B crashes; A notices and drops the connection, B comes back as a new incarnation.
        a.removeLocalConnection(B);
        a.release(B);
        Peers reborn = new Peers(B, "b", new PeerUid(200), 2, 100);
        reborn.reference(A, "a", new PeerUid(10), 1, true, true).value();
        reborn.addLocalConnection(A, "10.0.0.1:6783", true, false);
        Registration seenByA = a.reference(B, "b", new PeerUid(200), 2, true, true).value();
        a.addLocalConnection(B, "10.0.0.2:6783", false, false);

        assertThat(seenByA.restarted()).as("A sends B everything it knows").isTrue();
        UpdateResult atA = a.applyUpdate(reborn.allSummaries());
        assertThat(reborn.version()).isEqualTo(1);
        assertThat(atA.improved()).as("the old B's version 2 beats the new B's version 1").doesNotContain(B);
        assertThat(a.get(B).orElseThrow().uid()).isEqualTo(new PeerUid(100));

        UpdateResult atB = reborn.applyUpdate(a.allSummaries());
        assertThat(atB.ourVersionJumped()).isTrue();
        assertThat(reborn.version()).isEqualTo(3);

        UpdateResult backAtA = a.applyUpdate(reborn.summaries(List.of(B)));
        assertThat(backAtA.improved()).containsExactly(B);
        assertThat(a.get(B).orElseThrow().uid()).isEqualTo(new PeerUid(200));
        assertThat(a.get(B).orElseThrow().version()).isEqualTo(3);
    }
}
