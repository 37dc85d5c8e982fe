package net.weft.sleeve.host.netns;

import java.util.function.Supplier;

import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.libc.LibC;
import net.weft.sleeve.host.libc.Libc;

/**
 * The short-lived thread behind {@link NetworkNamespace#callInside}: remembers its own namespace,
 * enters the target, runs the work, and returns to where it started, in that order, on every path.
 */
final class NamespaceThread<T> extends Thread {

    private final NetworkNamespace target;
    private final Supplier<T> work;
    private T result;
    private Throwable failure;

    NamespaceThread(NetworkNamespace target, Supplier<T> work) {
        super("weft-netns-" + target.label());
        this.target = target;
        this.work = work;
        setDaemon(true);
    }

    @Override
    public void run() {
        LibC libc = Libc.api();
        int ownFd = -1;
        int targetFd = -1;
        try {
            ownFd = libc.open(NetworkNamespace.OWN_THREAD_NAMESPACE, NetworkNamespace.OPEN_FLAGS);
            if (ownFd < 0) {
                throw HostNetworkException.fromErrno("open this thread's network namespace", Libc.errno());
            }
            targetFd = target.openDescriptor();
            if (libc.setns(targetFd, NetworkNamespace.CLONE_NEWNET) < 0) {
                throw HostNetworkException.fromErrno("enter network namespace " + target.label(), Libc.errno());
            }
            try {
                result = work.get();
            } finally {
                restore(libc, ownFd);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            Libc.closeQuietly(targetFd);
            Libc.closeQuietly(ownFd);
        }
    }

    private void restore(LibC libc, int ownFd) {
        if (libc.setns(ownFd, NetworkNamespace.CLONE_NEWNET) < 0 && failure == null) {
            failure = HostNetworkException.fromErrno("return from network namespace " + target.label(),
                    Libc.errno());
        }
    }

    T outcome() {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return result;
    }
}
