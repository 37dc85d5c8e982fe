package net.weft.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.weft.core.RouterConfig;
import net.weft.core.Step;
import net.weft.core.effect.Effect;
import net.weft.core.id.Endpoint;
import net.weft.core.input.Input;
import net.weft.core.view.RouterView;
import net.weft.sim.SimNode;

/**
 * A node that does almost nothing itself: every {@link #PERIOD_NS} it sends one small datagram to each link
 * neighbour. It measures the simulator's own cost per event, without the router's.
 */
final class NullTrafficNode implements SimNode {

    static final long PERIOD_NS = 10_000_000L;
    private static final byte[] PAYLOAD = new byte[64];

    private final RouterConfig config;
    private final List<Effect> sends = new ArrayList<>();
    private long nextNs;
    private long nowNs;

    NullTrafficNode(RouterConfig config) {
        this.config = config;
    }

    @Override
    public Step step(long now, Input input) {
        nowNs = now;
        if (input instanceof Input.ConnectRequested) {
            for (String t : ((Input.ConnectRequested) input).peers()) {
                sends.add(new Effect.SendDatagram(Endpoint.parse(t, RouterConfig.DEFAULT_PORT).orElseThrow(), PAYLOAD));
            }
        }
        if (input instanceof Input.Tick && now >= nextNs) {
            nextNs = now + PERIOD_NS;
            return new Step(sends, nextNs);
        }
        return new Step(List.of(), nextNs == 0 ? now : nextNs);
    }

    @Override
    public RouterView view() {
        return new RouterView(config.name(), config.nickname(), config.uid(), config.shortId(), 0, nowNs,
                config.port(), false, true, List.of(), List.of(), List.of(), new TreeMap<>(), new TreeMap<>(),
                List.of(), 0, new TreeMap<>());
    }
}
