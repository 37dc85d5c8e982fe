package net.weft.core.view;

import net.weft.core.id.PeerName;

/** A connection as some peer reports it in topology gossip. */
public record PeerConnectionView(PeerName to, String toNickname, String address, boolean outbound,
        boolean established) { }
