package net.weft.daemon.http;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.view.RouterView;
import net.weft.daemon.render.StatusSnapshot;

/** Records what the API asked for and answers with a fixed snapshot. */
final class FakeControl implements DaemonControl {

    final List<String> calls = new ArrayList<>();
    StatusSnapshot snapshot = new StatusSnapshot(new RouterView(PeerName.of("aa:00:00:00:00:01"), "fake",
            new PeerUid(1), 0, 0, 0, 6783, false, true, List.of(), List.of(), List.of(), new TreeMap<>(),
            new TreeMap<>(), List.of(), 0, new TreeMap<>()), List.of(), List.of(), new TreeMap<>(), 0, "t");

    @Override
    public StatusSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public CompletableFuture<StatusSnapshot> connect(List<String> peers, boolean replace) {
        calls.add("connect " + peers + (replace ? " replace" : ""));
        return CompletableFuture.completedFuture(snapshot);
    }

    @Override
    public CompletableFuture<StatusSnapshot> forget(List<String> peers) {
        calls.add("forget " + peers);
        return CompletableFuture.completedFuture(snapshot);
    }

    @Override
    public void stop() {
        calls.add("stop");
    }
}
