package net.weft.daemon.loop;

import net.weft.core.Router;
import net.weft.core.Step;
import net.weft.core.input.Input;
import net.weft.core.view.RouterView;

/** What the loop needs of a router: its step function and its snapshot. Lets tests script a router. */
public interface RouterDriver {

    /** Feeds one input at {@code nowNs}. */
    Step step(long nowNs, Input input);

    /** An immutable snapshot. */
    RouterView view();

    /** Drives a real router. */
    static RouterDriver of(Router router) {
        return new RouterDriver() {
            @Override
            public Step step(long nowNs, Input input) {
                return router.step(nowNs, input);
            }

            @Override
            public RouterView view() {
                return router.view();
            }
        };
    }
}
