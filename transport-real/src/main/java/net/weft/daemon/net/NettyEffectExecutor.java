package net.weft.daemon.net;

import net.weft.core.effect.Effect;
import net.weft.daemon.datapath.FrameInjector;
import net.weft.daemon.loop.EffectExecutor;
import net.weft.daemon.stats.Counter;
import net.weft.daemon.stats.DaemonCounters;
import net.weft.sleeve.fastpath.SleeveFastPath;

/**
 * Executes effects on the daemon's sockets and bridge: the production {@link EffectExecutor}. Datagrams leave
 * through the sleeve fast path's socket (the sleeve port), which also receives the router's tables.
 */
public final class NettyEffectExecutor implements EffectExecutor {

    private final TcpTransport tcp;
    private final SleeveFastPath sleeve;
    private final FrameInjector frames;
    private final DaemonCounters counters;

    /** Effects go to these transports and this injector. */
    public NettyEffectExecutor(TcpTransport tcp, SleeveFastPath sleeve, FrameInjector frames,
            DaemonCounters counters) {
        this.tcp = tcp;
        this.sleeve = sleeve;
        this.frames = frames;
        this.counters = counters;
    }

    @Override
    public void execute(Effect effect) {
        if (effect instanceof Effect.SendBytes) {
            Effect.SendBytes e = (Effect.SendBytes) effect;
            tcp.send(e.id(), e.bytes());
        } else if (effect instanceof Effect.SendDatagram) {
            Effect.SendDatagram e = (Effect.SendDatagram) effect;
            sleeve.send(e.to(), e.payload());
        } else if (effect instanceof Effect.Dial) {
            Effect.Dial e = (Effect.Dial) effect;
            tcp.dial(e.id(), e.target());
        } else if (effect instanceof Effect.CloseConnection) {
            tcp.close(((Effect.CloseConnection) effect).id());
        } else if (effect instanceof Effect.DeliverFrame) {
            counters.increment(Counter.FRAMES_INJECTED);
            frames.inject(((Effect.DeliverFrame) effect).frame());
        } else if (effect instanceof Effect.InstallFastPath) {
            sleeve.install(((Effect.InstallFastPath) effect).table());
        } else {
            throw new IllegalArgumentException("unknown effect " + effect);
        }
    }

    @Override
    public void endOfTurn() {
        tcp.flush();
    }
}
