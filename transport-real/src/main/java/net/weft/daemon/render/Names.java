package net.weft.daemon.render;

import net.weft.core.id.PeerName;

/** How peers are named in status text: {@code name(nickname)}, as Weave's {@code Peer.String}. */
final class Names {

    private Names() {
    }

    /** {@code aa:bb:cc:dd:ee:ff(nick)}. */
    static String withNickname(PeerName name, String nickname) {
        return name + "(" + nickname + ")";
    }
}
