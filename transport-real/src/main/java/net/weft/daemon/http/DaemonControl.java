package net.weft.daemon.http;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.weft.daemon.render.StatusSnapshot;

/** What the HTTP API can ask of the daemon. Implementations never let HTTP threads touch the router. */
public interface DaemonControl {

    /** The latest published snapshot, or null before the first one. */
    StatusSnapshot snapshot();

    /** Adds (or with {@code replace}, replaces) direct targets; completes once the router took the request. */
    CompletableFuture<StatusSnapshot> connect(List<String> peers, boolean replace);

    /** Removes direct targets; completes once the router took the request. */
    CompletableFuture<StatusSnapshot> forget(List<String> peers);

    /** Stops the daemon soon, after the current response has been sent. */
    void stop();
}
