package net.weft.core.trace;

/** Receives trace events as they happen. The core never logs; hosts subscribe here instead. */
@FunctionalInterface
public interface TraceSink {

    /** Discards everything. */
    TraceSink NONE = event -> { };

    /** Called synchronously inside {@code step}; must not call back into the router. */
    void accept(TraceEvent event);
}
