package net.weft.sleeve.host.sodium;

import java.nio.ByteBuffer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.Pinned;
import jnr.ffi.types.u_int64_t;

/**
 * The few libsodium calls the sleeve's native secretbox needs, bound through jnr-ffi. Load it with
 * {@link Sodium#load()}, which also runs {@link #sodium_init()}.
 *
 * <p>Buffers are heap {@link ByteBuffer}s wrapping a range of a packet array: jnr-ffi passes the array at the
 * buffer's position, and {@link Pinned} has it passed by address for the call instead of copied (the JVM may
 * still copy, in which case the direction annotations keep the semantics). Each buffer's remaining bytes must be
 * exactly the range the call reads or writes.
 */
public interface LibSodium {

    /** {@code sodium_init()}: 0 on first success, 1 when already initialised, -1 on failure. */
    int sodium_init();

    /** {@code sodium_version_string()}, e.g. {@code 1.0.18}. */
    String sodium_version_string();

    /**
     * {@code crypto_secretbox_detached(c, mac, m, mlen, n, k)}: XSalsa20-Poly1305 of {@code mlen} bytes of
     * {@code m} into {@code c}, the 16-byte tag into {@code mac}. {@code c} may be {@code m}. Returns 0.
     */
    int crypto_secretbox_detached(@Pinned @Out ByteBuffer c, @Pinned @Out ByteBuffer mac, @Pinned @In ByteBuffer m,
            @u_int64_t long mlen, @Pinned @In byte[] nonce, @Pinned @In byte[] key);

    /**
     * {@code crypto_secretbox_open_detached(m, c, mac, clen, n, k)}: verifies the tag of {@code clen} bytes of
     * {@code c} and only then decrypts them into {@code m}, which may be {@code c}. Returns 0, or -1 when the
     * tag does not verify (then {@code m} is not written; it is {@code @In} too so that a JVM that copies rather
     * than pins puts the same bytes back).
     */
    int crypto_secretbox_open_detached(@Pinned @In @Out ByteBuffer m, @Pinned @In ByteBuffer c,
            @Pinned @In ByteBuffer mac, @u_int64_t long clen, @Pinned @In byte[] nonce, @Pinned @In byte[] key);
}
