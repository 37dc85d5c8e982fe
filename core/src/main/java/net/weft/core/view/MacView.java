package net.weft.core.view;

import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;

/** A MAC cache entry: which peer a MAC was last seen behind. */
public record MacView(MacAddress mac, PeerName peer, long lastSeenNs) { }
