package net.weft.sleeve.host.sodium;

import java.util.Locale;
import java.util.Optional;
import net.weft.core.crypto.SecretBoxEngine;

/**
 * Which secretbox engine seals and opens encrypted sleeve packets ({@code weft launch --crypto-engine}):
 * {@link #AUTO} takes libsodium when it loads and the pure-Java engine otherwise, {@link #JAVA} always the
 * pure-Java one, {@link #LIBSODIUM} insists on libsodium. Both engines produce the same bytes, so the choice
 * only changes CPU per packet.
 */
public enum CryptoEngineChoice {
    /** libsodium when it loads, else Java. */
    AUTO,
    /** The pure-Java {@link net.weft.core.crypto.SecretBox}. */
    JAVA,
    /** libsodium, or refuse to start. */
    LIBSODIUM;

    /** The accepted spellings, for usage messages. */
    public static final String VALUES = "auto, java or libsodium";

    /** The choice named {@code text} (any case), or empty when it names none. */
    public static Optional<CryptoEngineChoice> parse(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        for (CryptoEngineChoice c : values()) {
            if (c.name().equals(wanted)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Resolves this choice against what loads here.
     *
     * @throws IllegalStateException for {@link #LIBSODIUM} when libsodium cannot be used (the message says why)
     */
    public Selection select() {
        if (this == JAVA) {
            return new Selection(SecretBoxEngine.JAVA, "java (chosen)");
        }
        Sodium.Loaded loaded = Sodium.load();
        if (loaded.available()) {
            return new Selection(loaded.engines().get(), loaded.detail());
        }
        if (this == LIBSODIUM) {
            throw new IllegalStateException("--crypto-engine libsodium: " + loaded.detail());
        }
        return new Selection(SecretBoxEngine.JAVA, "java (" + loaded.detail() + ")");
    }

    /**
     * A resolved choice.
     *
     * @param engines the factory to put in the router's configuration
     * @param detail  one line for the start-up log: the engine and why, e.g. {@code libsodium 1.0.18}
     */
    public record Selection(SecretBoxEngine.Factory engines, String detail) {
    }
}
