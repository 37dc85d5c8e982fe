package net.weft.core.wire;

import net.weft.core.id.PeerName;

/**
 * A connection as its owner reports it in topology gossip (Weave's {@code connectionSummary}).
 *
 * @param remoteTcpAddr the remote address as the owner sees it: the dialled target for outbound
 *                      connections, the ephemeral source address for inbound ones
 */
public record ConnectionSummary(PeerName to, String remoteTcpAddr, boolean outbound, boolean established) {

    /** Null address becomes empty. */
    public ConnectionSummary {
        remoteTcpAddr = remoteTcpAddr == null ? "" : remoteTcpAddr;
    }
}
