package net.weft.daemon.it;

import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wall-clock instants read from what the processes of a restart test print: a daemon's log (each line starts
 * with an ISO-8601 time stamp) and the output of {@code ping -D} (each line starts with {@code [seconds.micros]}).
 */
final class RestartTimes {

    /** What a daemon logs once it listens. */
    static final String STARTED = " started: name ";
    /** What a daemon logs when a connection's sleeve is confirmed. */
    static final String ESTABLISHED = " connection fully established";
    private static final Pattern REPLY = Pattern.compile("^\\[(\\d+)\\.(\\d{6})] \\d+ bytes from ", Pattern.MULTILINE);
    private static final long MICROS_PER_MS = 1_000;
    private static final long MS_PER_S = 1_000;

    private RestartTimes() {
    }

    /** Epoch milliseconds of the last line of a daemon's log that contains {@code marker}. */
    static long last(String log, String marker) {
        String found = null;
        for (String line : log.split("\n")) {
            if (line.contains(marker)) {
                found = line;
            }
        }
        if (found == null) {
            throw new AssertionError("no '" + marker + "' in the log:\n" + log);
        }
        return OffsetDateTime.parse(found.substring(0, found.indexOf(' '))).toInstant().toEpochMilli();
    }

    /** Epoch milliseconds of the first echo reply that {@code ping -D} printed after {@code afterMs}. */
    static long firstReplyAfter(String pingOutput, long afterMs) {
        Matcher m = REPLY.matcher(pingOutput);
        while (m.find()) {
            long atMs = Long.parseLong(m.group(1)) * MS_PER_S + Long.parseLong(m.group(2)) / MICROS_PER_MS;
            if (atMs > afterMs) {
                return atMs;
            }
        }
        throw new AssertionError("no echo reply after " + afterMs + " in:\n" + pingOutput);
    }
}
