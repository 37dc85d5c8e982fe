package net.weft.core;

import net.weft.core.input.Input;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.topology.PeerEntryPool;
import net.weft.core.trace.TraceEvent;
import net.weft.core.trace.TraceSink;
import net.weft.core.view.RouterView;

/**
 * One peer's router: a deterministic state machine with no I/O of its own. Everything that happens to it
 * comes in through {@link #step}; everything it wants done comes out as {@link net.weft.core.effect.Effect}
 * records, with the time by which {@code step} must be called again.
 *
 * <p>Given the same configuration, random stream and inputs at the same times, a router produces the same
 * effects and trace events: the simulator replays runs from a seed, and the daemon runs the very same code.
 */
public final class Router {

    private final RouterState s;
    private final Outbox out;
    private final ConnectionLifecycle lifecycle;
    private final TopologyGossip topology;
    private final DataPlane dataPlane;
    private final FastPathPublisher fastPath;
    private final long macSweepIntervalNs;
    private long nextMacSweepNs;
    private long nowNs;

    /** A router for {@code config}; draws all randomness from {@code rng} and reports to {@code trace}. */
    public Router(RouterConfig config, DeterministicRandom rng, TraceSink trace) {
        this(config, rng, trace, null);
    }

    /**
     * Same, sharing decoded topology entries with the other routers that use {@code pool} (null: none); only
     * for routers stepped from one thread, as the simulator's are. Changes no outcome, only memory and work.
     */
    public Router(RouterConfig config, DeterministicRandom rng, TraceSink trace, PeerEntryPool pool) {
        this.out = new Outbox(config.name(), trace);
        this.s = new RouterState(config, rng, out, pool);
        this.lifecycle = new ConnectionLifecycle(s);
        this.topology = new TopologyGossip(s);
        this.dataPlane = new DataPlane(s, lifecycle);
        lifecycle.wire(topology, new SurrogateGossip(s), dataPlane);
        this.fastPath = new FastPathPublisher(s, dataPlane.macs());
        this.macSweepIntervalNs = Math.max(1, config.timings().macMaxAgeNs() / 10);
        this.nextMacSweepNs = macSweepIntervalNs;
    }

    /**
     * Feeds one input at time {@code nowNs} (monotonic nanoseconds; an earlier time than the last step is
     * treated as the last step's time) and returns the effects to execute and the next deadline.
     */
    public Step step(long now, Input input) {
        nowNs = Math.max(nowNs, now);
        out.begin(nowNs);
        dispatch(input);
        runTimers();
        fastPath.endOfStep();
        return new Step(out.drain(), nextDeadlineNs());
    }

    /** The configuration this router runs with. */
    public RouterConfig config() {
        return s.config;
    }

    /** An immutable snapshot of the router's state. */
    public RouterView view() {
        return ViewBuilder.build(s, dataPlane.macs(), out.counters(), nowNs);
    }

    private void dispatch(Input input) {
        if (input instanceof Input.Tick) {
            return;
        }
        if (input instanceof Input.BytesReceived b) {
            lifecycle.onBytes(b.id(), b.bytes());
        } else if (input instanceof Input.DatagramReceived d) {
            dataPlane.onDatagram(d.from(), d.payload());
        } else if (input instanceof Input.FrameCaptured f) {
            dataPlane.onFrameCaptured(f.frame());
        } else if (input instanceof Input.SleeveDatagramOpened o) {
            dataPlane.onOpenedDatagram(o.from(), o.plainDatagram());
        } else if (input instanceof Input.FastPathReport r) {
            dataPlane.onFastPathReport(r.sightings(), r.counts());
        } else if (input instanceof Input.FastPathStarted) {
            fastPath.start();
        } else if (input instanceof Input.InboundAccepted a) {
            lifecycle.onInboundAccepted(a.id(), a.remote(), a.local());
        } else if (input instanceof Input.DialSucceeded d) {
            lifecycle.onDialSucceeded(d.id(), d.local());
        } else if (input instanceof Input.DialFailed d) {
            lifecycle.onDialFailed(d.id(), d.reason());
        } else if (input instanceof Input.ConnectionClosed c) {
            lifecycle.onClosed(c.id(), c.reason());
        } else if (input instanceof Input.ConnectRequested c) {
            for (String error : s.maker.initiate(c.peers(), c.replace(), nowNs)) {
                out.trace(new TraceEvent.TargetChanged(nowNs, s.self(), String.join(",", c.peers()), "invalid",
                        error));
            }
        } else if (input instanceof Input.ForgetRequested f) {
            s.maker.forget(f.peers(), nowNs);
        } else if (input instanceof Input.SendTooBig t) {
            lifecycle.onSendTooBig(t.to(), t.routeMtu());
        }
    }

    private void runTimers() {
        lifecycle.onTimer(nowNs);
        if (nowNs >= s.gcDueNs) {
            s.gcDueNs = Long.MAX_VALUE;
            for (var gone : s.peers.garbageCollect()) {
                lifecycle.peerRemoved(gone);
            }
            s.peers.reassignShortIdIfLost(s.rng).ifPresent(id -> {
                out.trace(new TraceEvent.LocalVersionBumped(nowNs, s.self(), s.peers.version(),
                        "short id collided; took " + id));
                topology.localChange();
            });
        }
        if (nowNs >= s.routesDueNs) {
            s.ensureRoutesCurrent();
        }
        topology.onTimer(nowNs);
        if (nowNs >= nextMacSweepNs) {
            nextMacSweepNs = nowNs + macSweepIntervalNs;
            dataPlane.onTimer(nowNs);
        }
        for (var dial : s.maker.dueDials(nowNs)) {
            lifecycle.dial(dial.address(), dial.direct());
        }
    }

    private long nextDeadlineNs() {
        long d = Math.min(s.routesDueNs, s.gcDueNs);
        d = Math.min(d, topology.nextDeadlineNs());
        d = Math.min(d, lifecycle.nextDeadlineNs());
        d = Math.min(d, s.maker.nextDeadlineNs(nowNs));
        if (dataPlane.macs().size() > 0) {
            d = Math.min(d, nextMacSweepNs);
        }
        return d <= nowNs ? nowNs + 1 : d;
    }
}
