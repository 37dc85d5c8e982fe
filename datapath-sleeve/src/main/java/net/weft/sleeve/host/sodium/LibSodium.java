package net.weft.sleeve.host.sodium;

import jnr.ffi.types.intptr_t;
import jnr.ffi.types.u_int64_t;

/**
 * The few libsodium calls the sleeve's native secretbox needs, bound through jnr-ffi. Load it with
 * {@link Sodium#load()}, which also runs {@link #sodium_init()}.
 *
 * <p>Buffers are passed as raw addresses ({@code @intptr_t long}) of native memory the caller owns, so every
 * argument is primitive and no Java array is pinned during the call; that measured as fast as passing pinned
 * ranges of the packet arrays (see {@code benchmarks/sleeve-crypto.md}). The {@code _easy}
 * forms are bound rather than the {@code _detached} ones: with six primitive {@code long} arguments jnr-ffi 2.3.4
 * passed {@code crypto_secretbox_detached} something that computed wrong tags here (the same call with jnr
 * {@code Pointer}s, and the five-argument calls with {@code long}s, are right); the tests hold every call to the
 * Java secretbox's bytes.
 */
public interface LibSodium {

    /** {@code sodium_init()}: 0 on first success, 1 when already initialised, -1 on failure. */
    int sodium_init();

    /** {@code sodium_version_string()}, e.g. {@code 1.0.18}. */
    String sodium_version_string();

    /**
     * {@code crypto_secretbox_easy(c, m, mlen, n, k)}: XSalsa20-Poly1305 of {@code mlen} bytes at {@code m}, written
     * to {@code c} as {@code tag(16) || ciphertext}. Returns 0.
     */
    int crypto_secretbox_easy(@intptr_t long c, @intptr_t long m, @u_int64_t long mlen, @intptr_t long nonce,
            @intptr_t long key);

    /**
     * {@code crypto_secretbox_open_easy(m, c, clen, n, k)}: verifies {@code tag(16) || ciphertext} of {@code clen}
     * bytes at {@code c} and only then decrypts the ciphertext to {@code m}. Returns 0, or -1 when the box is
     * shorter than the tag or does not verify (then {@code m} is not written).
     */
    int crypto_secretbox_open_easy(@intptr_t long m, @intptr_t long c, @u_int64_t long clen, @intptr_t long nonce,
            @intptr_t long key);
}
