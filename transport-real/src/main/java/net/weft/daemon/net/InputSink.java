package net.weft.daemon.net;

import net.weft.core.input.Input;

/** Where socket handlers report what happened: the router loop's queue. */
@FunctionalInterface
public interface InputSink {

    /** Reports one input. */
    void submit(Input input);
}
