package net.weft.core.topology;

/**
 * Which reported connections count as edges of the topology graph (Weave's
 * {@code forEachConnectedPeer(establishedAndSymmetric)}).
 */
public enum EdgeFilter {

    /**
     * Edge P→R only when P reports the connection established and R reports an established connection back to P.
     * The data plane routes over these, so a frame never takes a link one end does not yet trust.
     */
    SYMMETRIC_ESTABLISHED,

    /**
     * Edge P→R for every connection P reports, whoever dialled and whether established or not. Gossip routes and
     * garbage collection use these, so control traffic flows before the data plane is up.
     */
    ALL_REPORTED
}
