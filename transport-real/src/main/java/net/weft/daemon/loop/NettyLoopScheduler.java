package net.weft.daemon.loop;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;

/** A {@link LoopScheduler} on one netty event loop: the one all the router's sockets are registered with. */
public final class NettyLoopScheduler implements LoopScheduler {

    private final EventLoop loop;

    /** Schedules on {@code loop}. */
    public NettyLoopScheduler(EventLoop loop) {
        this.loop = loop;
    }

    /** The underlying event loop, for registering channels on the router thread. */
    public EventLoop eventLoop() {
        return loop;
    }

    @Override
    public boolean inLoop() {
        return loop.inEventLoop();
    }

    @Override
    public void execute(Runnable task) {
        loop.execute(task);
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNs) {
        var future = loop.schedule(task, delayNs, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }
}
