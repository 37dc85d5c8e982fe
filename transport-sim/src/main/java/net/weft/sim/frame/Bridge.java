package net.weft.sim.frame;

/** What a container can do with its host: put a frame on the bridge, and run something later. */
public interface Bridge {

    /** Puts {@code frame} on the host's bridge, sent by {@code from}. */
    void send(Container from, byte[] frame);

    /** Runs {@code action} at virtual time {@code atNs}. */
    void at(long atNs, Runnable action);

    /** The current virtual time. */
    long nowNs();
}
