package net.weft.sleeve.host;

import net.weft.sleeve.host.libc.Errno;

/**
 * A host networking operation failed. The message is written for the person running weft: it names
 * the operation, the likely cause and the errno ({@code EEXIST (File exists)}); {@link #reason()} lets
 * callers react without parsing text.
 */
public final class HostNetworkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this was, decided from the errno (or by the operation itself). */
    public enum Reason {
        /** EPERM/EACCES: the process lacks CAP_NET_ADMIN (or CAP_SYS_ADMIN for setns). */
        NEEDS_PRIVILEGE,
        /** The network namespace path does not exist (named netns missing, or process gone). */
        NAMESPACE_MISSING,
        /** EEXIST: a link with that name, or that address, already exists; EADDRINUSE: the port is taken. */
        ALREADY_EXISTS,
        /** ENODEV/ENOENT: the link (or other object) does not exist. */
        NOT_FOUND,
        /** Anything else; the errno in the message tells what. */
        FAILED
    }

    private final Reason reason;
    private final int errno;

    private HostNetworkException(Reason reason, int errno, String message) {
        super(message);
        this.reason = reason;
        this.errno = errno;
    }

    /**
     * Builds the exception for a failed system call or netlink request.
     *
     * @param action what was being done, phrased to follow "to"/"cannot", e.g. "create bridge weft"
     * @param errno  the positive errno value
     */
    public static HostNetworkException fromErrno(String action, int errno) {
        String cause = Errno.describe(errno);
        if (errno == Errno.EPERM || errno == Errno.EACCES) {
            return new HostNetworkException(Reason.NEEDS_PRIVILEGE, errno,
                    "weft needs root (CAP_NET_ADMIN) to " + action + ": " + cause);
        }
        if (errno == Errno.EEXIST) {
            return new HostNetworkException(Reason.ALREADY_EXISTS, errno,
                    "cannot " + action + ": the name or address is already taken: " + cause);
        }
        if (errno == Errno.EADDRINUSE) {
            return new HostNetworkException(Reason.ALREADY_EXISTS, errno,
                    "cannot " + action + ": the port is already in use by another socket: " + cause);
        }
        if (errno == Errno.ENODEV || errno == Errno.ENOENT) {
            return new HostNetworkException(Reason.NOT_FOUND, errno, "cannot " + action + ": not found: " + cause);
        }
        return new HostNetworkException(Reason.FAILED, errno, "cannot " + action + ": " + cause);
    }

    /** A failure decided by the operation itself rather than by an errno. */
    public static HostNetworkException of(Reason reason, String message) {
        return new HostNetworkException(reason, 0, message);
    }

    /** The kind of failure. */
    public Reason reason() {
        return reason;
    }

    /** The positive errno behind the failure, or 0 when none. */
    public int errno() {
        return errno;
    }
}
