package net.weft.sim.frame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * What became of a series of pings: measured, never assumed. A ping is delivered when its echo reply came
 * back before its timeout; otherwise it is lost with a reason ("no ARP reply", "no echo reply").
 */
public final class PingReport {

    /** The loss reason of an echo answered with ICMP "fragmentation needed", followed by the MTU it carries. */
    public static final String FRAGMENTATION_NEEDED = "fragmentation needed, MTU ";

    private final String from;
    private final String to;
    private final int count;
    private final long startNs;
    private int sent;
    private final List<Long> rttsNs = new ArrayList<>();
    private final TreeMap<String, Integer> lostByReason = new TreeMap<>();

    /** A report for {@code count} pings from {@code from} to {@code to} starting at {@code startNs}. */
    public PingReport(String from, String to, int count, long startNs) {
        this.from = from;
        this.to = to;
        this.count = count;
        this.startNs = startNs;
    }

    void sent() {
        sent++;
    }

    void delivered(long rttNs) {
        rttsNs.add(rttNs);
    }

    void lost(String reason) {
        lostByReason.merge(reason, 1, Integer::sum);
    }

    /** Source container. */
    public String from() {
        return from;
    }

    /** Target container. */
    public String to() {
        return to;
    }

    /** Pings asked for. */
    public int count() {
        return count;
    }

    /** When the series started. */
    public long startNs() {
        return startNs;
    }

    /** Echo requests actually sent. */
    public int echoesSent() {
        return sent;
    }

    /** Pings answered in time. */
    public int delivered() {
        return rttsNs.size();
    }

    /** Pings lost, any reason. */
    public int lost() {
        return lostByReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** True when every ping has an outcome. */
    public boolean finished() {
        return delivered() + lost() == count;
    }

    /** Round-trip times of delivered pings, in order of arrival. */
    public List<Long> rttsNs() {
        return Collections.unmodifiableList(rttsNs);
    }

    /** Lost pings by reason. */
    public TreeMap<String, Integer> lostByReason() {
        return new TreeMap<>(lostByReason);
    }

    @Override
    public String toString() {
        return "ping " + from + " -> " + to + ": " + delivered() + "/" + count + " delivered"
                + (lostByReason.isEmpty() ? "" : ", lost " + lostByReason);
    }
}
