/**
 * A native secretbox for encrypted sleeve packets: libsodium's XSalsa20-Poly1305 bound through jnr-ffi.
 *
 * <h2>Theory of operation</h2>
 * The router core seals and opens sleeve packets through {@link net.weft.core.crypto.SecretBoxEngine}, made per
 * session key by the factory in its {@code RouterConfig}. The daemon resolves {@code --crypto-engine} with
 * {@link net.weft.sleeve.host.sodium.CryptoEngineChoice#select()}: {@link net.weft.sleeve.host.sodium.Sodium}
 * loads {@code libsodium} (Debian's {@code libsodium23}) once and runs {@code sodium_init()}; if either fails the
 * daemon keeps the pure-Java engine and logs why. Each native engine calls
 * {@code crypto_secretbox_detached}/{@code crypto_secretbox_open_detached} on pinned ranges of the packet
 * arrays, writing the tag in front of the ciphertext as NaCl's {@code _easy} layout does, so its bytes equal the
 * Java engine's and the two interoperate on the wire; tests hold them equal for random keys, nonces, lengths and
 * offsets, in place and not.
 */
package net.weft.sleeve.host.sodium;
