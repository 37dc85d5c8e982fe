package net.weft.sim;

import net.weft.core.Step;
import net.weft.core.input.Input;
import net.weft.core.view.RouterView;

/**
 * What the simulator needs from a router: the one door ({@link #step}) and a snapshot ({@link #view}).
 * The product runs {@link net.weft.core.Router} through {@link RouterNode}; engine tests plug in small
 * fakes to exercise the network mechanics alone.
 */
public interface SimNode {

    /** Feeds one input at virtual time {@code nowNs}; same contract as {@link net.weft.core.Router#step}. */
    Step step(long nowNs, Input input);

    /** An immutable snapshot of the node's state. */
    RouterView view();
}
