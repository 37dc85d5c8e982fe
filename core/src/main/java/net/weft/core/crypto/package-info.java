/**
 * Weave-compatible cryptography, pure and deterministic: no entropy, no clocks, no I/O.
 *
 * <h2>Theory of operation</h2>
 * <ol>
 *   <li><b>Key exchange.</b> Each side of a new connection makes an ephemeral X25519 key pair from 32 random
 *       bytes the binding supplies ({@link net.weft.core.crypto.X25519#publicKey}) and sends the public key
 *       in the v2 handshake. {@link net.weft.core.crypto.Box#beforenm} turns our private key and the peer's
 *       public key into NaCl's precomputed box key (X25519, then HSalsa20 with a zero input).</li>
 *   <li><b>Session key.</b> {@link net.weft.core.crypto.SessionKey#derive} hashes that key with the
 *       password: {@code SHA-256(shared || password)}. Both directions, TCP and sleeve, use this key; nonces
 *       keep them apart.</li>
 *   <li><b>TCP.</b> {@link net.weft.core.crypto.TcpCrypto.Sealer} and
 *       {@link net.weft.core.crypto.TcpCrypto.Opener} seal and open each length-prefixed message with
 *       {@link net.weft.core.crypto.SecretBox}, using an implicit per-direction counter in the nonce.</li>
 *   <li><b>Sleeve.</b> {@link net.weft.core.crypto.SleeveEncryptor} seals UDP packets with a counter per DF
 *       flag carried in clear; {@link net.weft.core.crypto.SleeveOpener} opens them and drops replays with
 *       a sliding window ({@code ReplayWindow}), advanced only after authentication.</li>
 * </ol>
 *
 * <h2>Secretbox speed</h2>
 * Every sleeve packet is one {@link net.weft.core.crypto.SecretBox} seal or open, so the box is built for packet
 * rates rather than composed from a general library: {@code XSalsa20Cipher} derives the per-nonce subkey and
 * makes keystream in int words, XORing eight bytes at a time through little-endian {@code VarHandle} views;
 * runs of 16 blocks go through {@code Salsa20Lanes}, a word-sliced layout the JIT turns into SIMD;
 * {@code Poly1305Mac} authenticates a whole message in one call with 26-bit limbs. None of them allocates
 * per call. Tests hold all three to NaCl's and RFC 8439's vectors and to BouncyCastle.
 *
 * <h2>Nonces</h2>
 * All nonces are 24 bytes: byte 0 bit 7 = the sender dialled the connection, bit 6 = TCP (1) or sleeve (0),
 * bytes 16..23 = a big-endian counter (TCP: message number; sleeve: {@code seqNoAndDF}), the rest zero.
 *
 * <h2>Errors and threads</h2>
 * Everything a peer sent is opened without throwing: TCP failures are
 * {@link net.weft.core.wire.ParseResult} rejections (close the connection), sleeve failures are
 * {@link net.weft.core.crypto.SleeveOpenOutcome} values (drop and count). Wrong sizes of our own keys and
 * nonces are bugs and throw. The stateful classes keep scratch buffers and counters and are not
 * thread-safe; use one per connection direction from one thread.
 */
package net.weft.core.crypto;
