package net.weft.sleeve.host.libc;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Loads {@link LibC} once per JVM and reads the calling thread's errno. jnr-ffi saves errno after
 * every call by default, so {@link #errno()} right after a failed call names its cause.
 */
public final class Libc {

    private static final LibC API = LibraryLoader.create(LibC.class).load("c");
    private static final Runtime RUNTIME = Runtime.getRuntime(API);

    private Libc() {
    }

    /** The loaded binding. */
    public static LibC api() {
        return API;
    }

    /** The errno left by the last failed call on this thread. */
    public static int errno() {
        return LastError.getLastError(RUNTIME);
    }

    /** Closes a descriptor, ignoring a failure (used on cleanup paths that already have an error). */
    public static void closeQuietly(int fd) {
        if (fd >= 0) {
            API.close(fd);
        }
    }
}
