package net.weft.viz.source;

import java.util.List;
import java.util.SortedMap;
import net.weft.core.id.PeerName;
import net.weft.core.view.RouterView;

/**
 * What the viewer needs from a simulation it drives: a clock to advance, peers by scenario name with their
 * router views, the underlay cabling, and the faults a user can inject by clicking. Trace events are
 * delivered to the listener given when the engine is made.
 */
public interface SimEngine {

    /** Virtual time now. */
    long nowNs();

    /** Runs the simulation until virtual time {@code endNs}. */
    void runUntil(long endNs);

    /** Peer names as the scenario calls them, in the order they were added. */
    List<String> peers();

    /** The router name of a peer. */
    PeerName peerName(String peer);

    /** True while the peer's router runs. */
    boolean alive(String peer);

    /** The peer's router view, or null when it runs none. */
    RouterView view(String peer);

    /** Underlay links as pairs of scenario names. */
    List<List<String>> links();

    /** True when the link between the two peers is cut now. */
    boolean isCut(String a, String b);

    /** Containers by the peer they sit on. */
    SortedMap<String, List<String>> containers();

    /** Cuts a link. */
    void cut(String a, String b);

    /** Heals a cut link. */
    void heal(String a, String b);

    /** Crashes a peer: its router state is lost. */
    void crash(String peer);

    /** Restarts a crashed peer with a new incarnation. */
    void restart(String peer);

    /** A new peer joins now, linked to {@code linksTo}. */
    void join(String peer, List<String> linksTo);
}
