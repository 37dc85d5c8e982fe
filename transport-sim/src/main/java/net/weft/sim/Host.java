package net.weft.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import net.weft.core.Step;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.rng.DeterministicRandom;
import net.weft.sim.frame.Container;

/**
 * One simulated machine: its identity, its current router incarnation, its live connections (in opening
 * order, so teardown order is deterministic), a queue of inputs held while it is paused, and the
 * containers on its bridge.
 */
final class Host {

    private static final int FIRST_EPHEMERAL_PORT = 32768;
    private static final int LAST_EPHEMERAL_PORT = 60999;

    final int index;
    final String nickname;
    final PeerName name;
    final String ip;
    final int port;
    final Endpoint endpoint;
    final DeterministicRandom identityRng;
    final List<Container> containers = new ArrayList<>();
    final LinkedHashMap<ConnectionId, SimConnection> connections = new LinkedHashMap<>();
    final ArrayDeque<Object> held = new ArrayDeque<>();

    SimNode node;
    HostState state = HostState.NEW;
    int incarnation;
    long tickToken;
    long scheduledTickNs = Step.NO_DEADLINE;
    long inboundCount;
    long uid;
    private int nextEphemeralPort = FIRST_EPHEMERAL_PORT;

    Host(int index, String nickname, PeerName name, String ip, int port, DeterministicRandom identityRng) {
        this.index = index;
        this.nickname = nickname;
        this.name = name;
        this.ip = ip;
        this.port = port;
        this.endpoint = new Endpoint(ip, port);
        this.identityRng = identityRng;
    }

    /** A fresh local endpoint for an outbound connection. */
    Endpoint ephemeralEndpoint() {
        int p = nextEphemeralPort;
        nextEphemeralPort = p == LAST_EPHEMERAL_PORT ? FIRST_EPHEMERAL_PORT : p + 1;
        return new Endpoint(ip, p);
    }

    /** True when the router runs and takes inputs now. */
    boolean running() {
        return state == HostState.UP;
    }

    /** True when a router exists (running or paused). */
    boolean alive() {
        return state == HostState.UP || state == HostState.PAUSED;
    }
}
