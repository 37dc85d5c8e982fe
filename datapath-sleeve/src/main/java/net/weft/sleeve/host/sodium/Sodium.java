package net.weft.sleeve.host.sodium;

import java.util.Optional;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import net.weft.core.crypto.SecretBoxEngine;

/**
 * Loads libsodium once per JVM and makes native {@link SecretBoxEngine}s from it. Loading can fail (the library
 * is not installed, or {@code sodium_init()} fails); then {@link #load()} says why and the caller keeps the
 * pure-Java engine.
 */
public final class Sodium {

    /** The library's base name: jnr-ffi finds {@code libsodium.so} or a versioned {@code libsodium.so.N}. */
    static final String LIBRARY = "sodium";
    /** The engine's name in logs and status. */
    public static final String ENGINE_NAME = "libsodium";

    private static final Loaded LOADED = loadOnce();

    private Sodium() {
    }

    /** The outcome of loading, the same for the life of the JVM. */
    public static Loaded load() {
        return LOADED;
    }

    /** The raw binding when libsodium loaded (for tests that hold it to the Java secretbox). */
    static Optional<LibSodium> binding() {
        return LOADED.engines().map(f -> ((NativeFactory) f).api);
    }

    private static Loaded loadOnce() {
        LibSodium api;
        try {
            api = LibraryLoader.create(LibSodium.class).failImmediately().load(LIBRARY);
        } catch (LinkageError | RuntimeException e) {
            return new Loaded(Optional.empty(), "libsodium could not be loaded (" + e.getMessage() + ")");
        }
        int init;
        try {
            init = api.sodium_init();
        } catch (LinkageError | RuntimeException e) {
            return new Loaded(Optional.empty(), "libsodium could not be called (" + e.getMessage() + ")");
        }
        if (init < 0) {
            return new Loaded(Optional.empty(), "libsodium's sodium_init() failed (" + init + ")");
        }
        return new Loaded(Optional.of(new NativeFactory(api)), "libsodium " + api.sodium_version_string());
    }

    /**
     * What loading gave.
     *
     * @param engines the native engine factory, or empty when libsodium is unusable
     * @param detail  the library version when loaded (e.g. {@code libsodium 1.0.18}), else why not
     */
    public record Loaded(Optional<SecretBoxEngine.Factory> engines, String detail) {

        /** True when native engines are available. */
        public boolean available() {
            return engines.isPresent();
        }
    }

    /** Makes {@link SodiumSecretBox}es over the loaded library. */
    private static final class NativeFactory implements SecretBoxEngine.Factory {

        private final LibSodium api;
        private final Runtime runtime;

        NativeFactory(LibSodium api) {
            this.api = api;
            this.runtime = Runtime.getRuntime(api);
        }

        @Override
        public SecretBoxEngine create(byte[] key) {
            return new SodiumSecretBox(api, runtime, key);
        }

        @Override
        public String name() {
            return ENGINE_NAME;
        }

        @Override
        public String toString() {
            return name();
        }
    }
}
