package net.weft.sim;

import net.weft.core.Router;
import net.weft.core.Step;
import net.weft.core.input.Input;
import net.weft.core.view.RouterView;

/** Adapts the real {@link Router} to the simulator's {@link SimNode} seam; adds nothing. */
public final class RouterNode implements SimNode {

    private final Router router;

    /** Wraps {@code router}. */
    public RouterNode(Router router) {
        this.router = router;
    }

    @Override
    public Step step(long nowNs, Input input) {
        return router.step(nowNs, input);
    }

    @Override
    public RouterView view() {
        return router.view();
    }
}
