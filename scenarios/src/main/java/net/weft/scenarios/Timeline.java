package net.weft.scenarios;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import net.weft.core.conn.ConnectionState;
import net.weft.core.id.PeerName;
import net.weft.core.trace.TraceEvent;
import net.weft.sim.SimObserver;
import net.weft.sim.TraceFormat;

/**
 * Collects the readable story of a run: faults and restarts, connections established and lost (for small
 * networks, where each line is worth reading), peers removed, and totals of gossip and data frames.
 */
final class Timeline implements SimObserver {

    /** Networks up to this size get one line per connection change. */
    static final int DETAILED_PEERS = 30;
    /** Lines kept at most; later ones are counted only. */
    static final int MAX_LINES = 5000;

    private record Line(long atNs, long seq, String text) { }

    private final IntFunction<String> hostName;
    private final Function<PeerName, String> peerName;
    private final boolean detailed;
    private final List<Line> lines = new ArrayList<>();
    private long seq;
    private long omitted;
    private final TreeMap<String, long[]> gossipByChannel = new TreeMap<>();
    private final TreeMap<String, Long> frameDrops = new TreeMap<>();
    private final TreeMap<String, Long> datagramDrops = new TreeMap<>();
    private long framesForwarded;
    private long framesDelivered;

    Timeline(IntFunction<String> hostName, Function<PeerName, String> peerName, boolean detailed) {
        this.hostName = hostName;
        this.peerName = peerName;
        this.detailed = detailed;
    }

    void add(long atNs, String text) {
        if (lines.size() >= MAX_LINES) {
            omitted++;
            return;
        }
        lines.add(new Line(atNs, seq++, text));
    }

    @Override
    public void note(long nowNs, String what) {
        add(nowNs, what);
    }

    @Override
    public void trace(int host, TraceEvent e) {
        if (e instanceof TraceEvent.GossipSent) {
            TraceEvent.GossipSent g = (TraceEvent.GossipSent) e;
            long[] c = gossipByChannel.computeIfAbsent(g.channel(), k -> new long[2]);
            c[0]++;
            c[1] += g.bytes();
        } else if (e instanceof TraceEvent.FrameForwarded) {
            framesForwarded++;
        } else if (e instanceof TraceEvent.FrameDelivered) {
            framesDelivered++;
        } else if (e instanceof TraceEvent.FrameDropped) {
            frameDrops.merge(((TraceEvent.FrameDropped) e).reason(), 1L, Long::sum);
        } else if (e instanceof TraceEvent.DatagramDropped) {
            datagramDrops.merge(((TraceEvent.DatagramDropped) e).reason(), 1L, Long::sum);
        } else if (detailed) {
            detail(host, e);
        }
    }

    private void detail(int host, TraceEvent e) {
        String me = hostName.apply(host);
        if (e instanceof TraceEvent.ConnectionStateChanged) {
            TraceEvent.ConnectionStateChanged c = (TraceEvent.ConnectionStateChanged) e;
            if (c.state() == ConnectionState.ESTABLISHED || c.state() == ConnectionState.CLOSED) {
                String who = c.remote().equals(PeerName.UNKNOWN) ? c.address().toString() : peerName.apply(c.remote());
                add(e.atNs(), me + ": connection " + (c.outbound() ? "to " : "from ") + who + " "
                        + c.state().statusWord() + (c.reason().isEmpty() ? "" : " (" + c.reason() + ")"));
            }
        } else if (e instanceof TraceEvent.PeerRemoved) {
            TraceEvent.PeerRemoved r = (TraceEvent.PeerRemoved) e;
            add(e.atNs(), me + ": forgot peer " + peerName.apply(r.peer()) + " (" + r.reason() + ")");
        }
    }

    /** The lines, by time, as {@code [  12.345s] text}. */
    List<String> render() {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingLong(Line::atNs).thenComparingLong(Line::seq));
        List<String> out = new ArrayList<>();
        for (Line l : sorted) {
            out.add(String.format("[%11ss] %s", TraceFormat.time(l.atNs()).replaceAll("(\\.\\d{3})\\d+", "$1"),
                    l.text()));
        }
        if (omitted > 0) {
            out.add("... " + omitted + " more lines not shown");
        }
        return out;
    }

    /** Gossip messages and bytes by channel. */
    TreeMap<String, long[]> gossip() {
        return gossipByChannel;
    }

    /** Total gossip bytes sent. */
    long gossipBytes() {
        return gossipByChannel.values().stream().mapToLong(c -> c[1]).sum();
    }

    /** Total gossip messages sent. */
    long gossipMessages() {
        return gossipByChannel.values().stream().mapToLong(c -> c[0]).sum();
    }

    /** Data frames routers dropped, by reason. */
    TreeMap<String, Long> frameDrops() {
        return frameDrops;
    }

    /** Datagrams routers dropped, by reason. */
    TreeMap<String, Long> datagramDrops() {
        return datagramDrops;
    }

    /** Frames routers forwarded to a neighbour. */
    long framesForwarded() {
        return framesForwarded;
    }

    /** Frames routers delivered to their bridge. */
    long framesDelivered() {
        return framesDelivered;
    }
}
