package net.weft.sleeve.host.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.HostNetworkException.Reason;
import net.weft.sleeve.host.libc.Errno;
import net.weft.sleeve.host.libc.Libc;

/**
 * A Linux network namespace, named by a file that refers to it: {@code /var/run/netns/NAME} (made by
 * {@code ip netns add}, or by a container runtime) or {@code /proc/PID/ns/net} (a container's process).
 *
 * <p>Two ways to act inside one: {@link #callInside(Supplier)} runs code on a fresh, short-lived thread
 * that {@code setns()}es into the namespace, runs, and {@code setns()}es back before it ends. Because
 * the work runs on its own thread, the caller's thread never changes namespace, whatever happens; and a
 * thread that could not be restored dies with the call instead of leaking into a pool. Sockets keep the
 * namespace they were created in, so the cheap pattern is to open a netlink socket through
 * {@code callInside} and then use it from any thread (see
 * {@link net.weft.sleeve.host.rtnl.Rtnetlink#openInside(NetworkNamespace)}).
 */
public final class NetworkNamespace {

    /** Where {@code ip netns} and container runtimes bind-mount named namespaces. */
    public static final String NAMED_NAMESPACE_DIRECTORY = "/var/run/netns";
    /** {@code CLONE_NEWNET}, the namespace type passed to {@code setns(2)}. */
    public static final int CLONE_NEWNET = 0x40000000;
    /** The calling thread's own network namespace (per thread, not per process). */
    public static final String OWN_THREAD_NAMESPACE = "/proc/thread-self/ns/net";

    /** {@code O_RDONLY | O_CLOEXEC}: how namespace files are opened. */
    static final int OPEN_FLAGS = 0x80000;

    private final Path path;
    private final String label;

    private NetworkNamespace(Path path, String label) {
        this.path = path;
        this.label = label;
    }

    /** The named namespace {@code /var/run/netns/NAME}. */
    public static NetworkNamespace named(String name) {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("invalid network namespace name: " + name);
        }
        return new NetworkNamespace(Path.of(NAMED_NAMESPACE_DIRECTORY, name), name);
    }

    /** The namespace of process {@code pid}, {@code /proc/PID/ns/net}. */
    public static NetworkNamespace ofProcess(long pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("invalid process id: " + pid);
        }
        return new NetworkNamespace(Path.of("/proc", Long.toString(pid), "ns", "net"), Long.toString(pid));
    }

    /** A process id when {@code nameOrPid} is all digits, a named namespace otherwise (as weft's commands take). */
    public static NetworkNamespace parse(String nameOrPid) {
        if (!nameOrPid.isEmpty() && nameOrPid.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return ofProcess(Long.parseLong(nameOrPid));
        }
        return named(nameOrPid);
    }

    /** The file that refers to the namespace. */
    public Path path() {
        return path;
    }

    /** The name or process id this namespace was given by. */
    public String label() {
        return label;
    }

    /** True when the process id was given rather than a name. */
    public boolean isProcess() {
        return path.startsWith("/proc");
    }

    /** True when the namespace file exists now. */
    public boolean exists() {
        return Files.exists(path);
    }

    /**
     * True when this is the calling thread's own network namespace (same device and inode), e.g. a
     * process id of a process that shares the host's network. Container plumbing refuses such targets.
     *
     * @throws HostNetworkException {@link Reason#NAMESPACE_MISSING} when there is no such namespace
     */
    public boolean isCallersNamespace() {
        try {
            Map<String, Object> target = Files.readAttributes(path, "unix:dev,ino");
            Map<String, Object> own = Files.readAttributes(Path.of(OWN_THREAD_NAMESPACE), "unix:dev,ino");
            return target.equals(own);
        } catch (NoSuchFileException e) {
            throw HostNetworkException.of(Reason.NAMESPACE_MISSING,
                    "network namespace " + label + " not found (no " + path + ")");
        } catch (IOException e) {
            throw HostNetworkException.of(Reason.FAILED, "cannot inspect network namespace " + path + ": " + e);
        }
    }

    /**
     * Opens the namespace file; the caller closes the descriptor.
     *
     * @throws HostNetworkException {@link Reason#NAMESPACE_MISSING} when there is no such namespace
     */
    public int openDescriptor() {
        int fd = Libc.api().open(path.toString(), OPEN_FLAGS);
        if (fd >= 0) {
            return fd;
        }
        int errno = Libc.errno();
        if (errno == Errno.ENOENT || errno == Errno.ESRCH) {
            throw HostNetworkException.of(Reason.NAMESPACE_MISSING,
                    "network namespace " + label + " not found (no " + path + ")");
        }
        throw HostNetworkException.fromErrno("open network namespace " + path, errno);
    }

    /**
     * Runs {@code work} inside this namespace on a dedicated thread and returns its result; an
     * exception thrown by {@code work} is rethrown here. Blocks until the work is done.
     *
     * @throws HostNetworkException when the namespace is missing or cannot be entered
     */
    public <T> T callInside(Supplier<T> work) {
        NamespaceThread<T> thread = new NamespaceThread<>(this, work);
        thread.start();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return thread.outcome();
    }

    /** Like {@link #callInside(Supplier)} for work with no result. */
    public void runInside(Runnable work) {
        callInside(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NetworkNamespace n && path.equals(n.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return label + " (" + path + ")";
    }
}
