package net.weft.daemon.loop;

import java.util.ArrayList;
import java.util.List;
import net.weft.core.Step;
import net.weft.core.input.Input;
import net.weft.core.view.RouterView;

/**
 * Remembers the direct targets exactly as the user typed them (for {@code /status/targets} and the
 * {@code Targets:} count), by watching the admin inputs on their way to the router. Weave's semantics:
 * connect adds, {@code replace} first forgets all, forget removes. Router thread only.
 */
public final class TargetTrackingDriver implements RouterDriver {

    private final RouterDriver inner;
    private final List<String> targets = new ArrayList<>();

    /** Wraps {@code inner}. */
    public TargetTrackingDriver(RouterDriver inner) {
        this.inner = inner;
    }

    @Override
    public Step step(long nowNs, Input input) {
        if (input instanceof Input.ConnectRequested) {
            Input.ConnectRequested c = (Input.ConnectRequested) input;
            if (c.replace()) {
                targets.clear();
            }
            for (String p : c.peers()) {
                if (!targets.contains(p)) {
                    targets.add(p);
                }
            }
        } else if (input instanceof Input.ForgetRequested) {
            targets.removeAll(((Input.ForgetRequested) input).peers());
        }
        return inner.step(nowNs, input);
    }

    @Override
    public RouterView view() {
        return inner.view();
    }

    /** The direct targets in the order they were added. */
    public List<String> targets() {
        return List.copyOf(targets);
    }
}
