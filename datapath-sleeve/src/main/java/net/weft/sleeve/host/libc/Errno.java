package net.weft.sleeve.host.libc;

import java.util.Map;
import java.util.TreeMap;

/**
 * Linux errno values the plumbing reacts to, and the symbolic names of the common ones so that an
 * error message can say {@code EEXIST} rather than {@code 17}.
 */
public final class Errno {

    /** Operation not permitted (missing capability). */
    public static final int EPERM = 1;
    /** No such file or directory. */
    public static final int ENOENT = 2;
    /** No such process. */
    public static final int ESRCH = 3;
    /** Interrupted system call. */
    public static final int EINTR = 4;
    /** Try again (non-blocking I/O would block). */
    public static final int EAGAIN = 11;
    /** Permission denied. */
    public static final int EACCES = 13;
    /** Device or resource busy. */
    public static final int EBUSY = 16;
    /** File (or link, or address) exists. */
    public static final int EEXIST = 17;
    /** No such device (no such link). */
    public static final int ENODEV = 19;
    /** Invalid argument. */
    public static final int EINVAL = 22;
    /** Operation not supported. */
    public static final int EOPNOTSUPP = 95;
    /** Message too long (a datagram larger than the path or socket allows). */
    public static final int EMSGSIZE = 90;
    /** Address (e.g. a UDP port) already in use. */
    public static final int EADDRINUSE = 98;
    /** Cannot assign requested address. */
    public static final int EADDRNOTAVAIL = 99;
    /** Network is unreachable (no route). */
    public static final int ENETUNREACH = 101;
    /** No route to host. */
    public static final int EHOSTUNREACH = 113;
    /** Connection refused (an ICMP port unreachable, reported on a socket that asked for errors). */
    public static final int ECONNREFUSED = 111;

    private static final Map<Integer, String> NAMES = names();

    private Errno() {
    }

    /** The symbolic name, e.g. {@code EEXIST}, or {@code errno N} for values not in the table. */
    public static String name(int errno) {
        String name = NAMES.get(errno);
        return name != null ? name : "errno " + errno;
    }

    /** The C library's description, e.g. "File exists". */
    public static String description(int errno) {
        String text = Libc.api().strerror(errno);
        return text != null ? text : "unknown error";
    }

    /** {@code NAME (description)}, the form used in every error message. */
    public static String describe(int errno) {
        return name(errno) + " (" + description(errno) + ")";
    }

    private static Map<Integer, String> names() {
        Map<Integer, String> m = new TreeMap<>();
        String[] table = {
            "1 EPERM", "2 ENOENT", "3 ESRCH", "4 EINTR", "5 EIO", "6 ENXIO", "9 EBADF", "11 EAGAIN",
            "12 ENOMEM", "13 EACCES", "14 EFAULT", "16 EBUSY", "17 EEXIST", "19 ENODEV", "20 ENOTDIR",
            "22 EINVAL", "23 ENFILE", "24 EMFILE", "28 ENOSPC", "34 ERANGE", "36 ENAMETOOLONG",
            "90 EMSGSIZE", "93 EPROTONOSUPPORT", "95 EOPNOTSUPP", "97 EAFNOSUPPORT", "98 EADDRINUSE",
            "99 EADDRNOTAVAIL", "100 ENETDOWN", "101 ENETUNREACH", "105 ENOBUFS", "110 ETIMEDOUT",
            "111 ECONNREFUSED", "113 EHOSTUNREACH",
        };
        for (String entry : table) {
            int space = entry.indexOf(' ');
            m.put(Integer.parseInt(entry.substring(0, space)), entry.substring(space + 1));
        }
        return m;
    }
}
