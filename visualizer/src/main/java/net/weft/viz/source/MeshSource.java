package net.weft.viz.source;

import net.weft.viz.model.Recording;

/**
 * Where the viewer's snapshots come from: a simulation it drives ({@link SimSession}) or live daemons
 * ({@link AttachSource}). Either way everything seen is kept in a {@link Recording} for scrubbing.
 */
public interface MeshSource {

    /** Everything recorded so far. */
    Recording recording();

    /**
     * Lets the source move on to time {@code ns} if it can (a simulation runs until then; live daemons are
     * polled when a refresh is due), recording what happens. Returns the latest time recorded.
     */
    long advanceTo(long ns);

    /** Human-readable name of what is shown (scenario name, daemon URLs). */
    String title();
}
