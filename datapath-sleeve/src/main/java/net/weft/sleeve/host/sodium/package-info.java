/**
 * A native secretbox for encrypted sleeve packets: libsodium's XSalsa20-Poly1305 bound through jnr-ffi.
 *
 * <h2>Theory of operation</h2>
 * The router core seals and opens sleeve packets through {@link net.weft.core.crypto.SecretBoxEngine}, made per
 * session key by the factory in its {@code RouterConfig}. The daemon resolves {@code --crypto-engine} with
 * {@link net.weft.sleeve.host.sodium.CryptoEngineChoice#select()}: {@link net.weft.sleeve.host.sodium.Sodium}
 * loads {@code libsodium} (Debian's {@code libsodium23}) once and runs {@code sodium_init()}; if either fails the
 * daemon keeps the pure-Java engine and logs why. Each native engine copies a packet into its own native staging
 * area, calls {@code crypto_secretbox_easy}/{@code crypto_secretbox_open_easy} there with only raw addresses as
 * arguments (jnr-ffi's cheapest call), and copies the result out, {@code tag || ciphertext} as NaCl's
 * {@code _easy} layout has it, so its bytes equal the Java engine's and the two interoperate
 * on the wire; tests hold them equal for random keys, nonces, lengths and offsets, in place and not.
 */
package net.weft.sleeve.host.sodium;
