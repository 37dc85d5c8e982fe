package net.weft.daemon.render;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.weft.core.conn.ConnectionState;
import net.weft.core.id.PeerName;
import net.weft.core.view.ConnectionView;
import net.weft.core.view.TargetView;

/**
 * One row of Weave's connection list: a live connection or a target that has none. Both the text status and
 * the JSON report print these rows, so they are built in one place.
 *
 * @param attrs extra attributes printed as {@code key=value} (Weave's {@code Attrs} without {@code name})
 */
public record ConnectionLine(boolean outbound, String address, String state, String info, String overlay,
        TreeMap<String, String> attrs) {

    /** Width of the encryption word in the info column. */
    static final int ENCRYPTION_WIDTH = 11;
    /** Width of the overlay name in the info column. */
    static final int OVERLAY_WIDTH = 6;

    /** Rows for every live connection, then every unconnected target, in the snapshot's order. */
    public static List<ConnectionLine> all(StatusSnapshot s) {
        List<ConnectionLine> rows = new ArrayList<>();
        for (ConnectionView c : s.view().connections()) {
            rows.add(of(c, s.view().encryption()));
        }
        for (TargetView t : s.view().targets()) {
            rows.add(of(t, s));
        }
        return rows;
    }

    /** The row of a live connection; {@code routerEncrypts} adds Weave's encrypted/unencrypted column. */
    public static ConnectionLine of(ConnectionView c, boolean routerEncrypts) {
        StringBuilder info = new StringBuilder();
        boolean named = !c.remote().equals(PeerName.UNKNOWN);
        if (named) {
            if (routerEncrypts) {
                info.append(Pad.right(c.encrypted() ? "encrypted" : "unencrypted", ENCRYPTION_WIDTH)).append(' ');
            }
            if (!c.overlay().isEmpty()) {
                info.append(Pad.right(c.overlay(), OVERLAY_WIDTH)).append(' ');
            }
            info.append(Names.withNickname(c.remote(), c.remoteNickname()));
        }
        if (c.state() != ConnectionState.ESTABLISHED && !c.info().isEmpty()) {
            info.append(info.length() > 0 ? " (" + c.info() + ")" : c.info());
        }
        TreeMap<String, String> attrs = new TreeMap<>();
        if (named && c.encrypted()) {
            attrs.put("encrypted", "true");
        }
        if (c.mtu() > 0) {
            attrs.put("mtu", Integer.toString(c.mtu()));
        }
        return new ConnectionLine(c.outbound(), c.address().toString(), c.state().statusWord(), info.toString(),
                c.overlay(), attrs);
    }

    /** The row of a target with no live connection, with Weave's wording for each target state. */
    public static ConnectionLine of(TargetView t, StatusSnapshot s) {
        String info;
        switch (t.state()) {
            case "failed":
                info = t.lastError() + ", retry: " + when(t.nextTryNs(), s);
                break;
            case "waiting":
                info = "until: " + when(t.nextTryNs(), s);
                break;
            default:
                info = t.lastError();
        }
        return new ConnectionLine(true, t.address(), t.state(), info, "", new TreeMap<>());
    }

    /** Attributes as Weave's template prints them: sorted, {@code key=value}, no separator (sic). */
    public String attrsText() {
        StringBuilder sb = new StringBuilder();
        attrs.forEach((k, v) -> sb.append(k).append('=').append(v));
        return sb.toString();
    }

    private static String when(long routerNs, StatusSnapshot s) {
        if (routerNs == Long.MAX_VALUE) {
            return "never";
        }
        return Instant.ofEpochMilli(s.epochMsOf(routerNs)).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
