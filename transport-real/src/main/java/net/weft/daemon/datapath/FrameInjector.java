package net.weft.daemon.datapath;

/**
 * Injects Ethernet frames into the local bridge; the router's {@code DeliverFrame} effects end here. Called on
 * the router thread, so implementations must not block.
 */
@FunctionalInterface
public interface FrameInjector {

    /** Hands one frame to the bridge; the array is not reused by the caller. */
    void inject(byte[] frame);
}
