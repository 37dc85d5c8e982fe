/**
 * Who this daemon is: its peer name, nickname, incarnation UID and short id, derived from the host the way
 * Weave Net does so a restarted daemon keeps its name.
 *
 * <p>Peer name, in order: the {@code --name} flag; the MAC of an existing {@code weft} bridge (which carries
 * the name across restarts); SHA-256 over a fixed salt, {@code /etc/machine-id} (or dbus's) and the machine's
 * product UUID (or the hypervisor's), first six bytes, multicast bit cleared, locally-administered bit set;
 * else random. The UID, short id and all of the router's randomness come from one
 * {@link net.weft.core.rng.DeterministicRandom} seeded from {@link java.security.SecureRandom}. Host files are
 * read through {@link net.weft.daemon.identity.HostFiles} so tests can supply their own.
 */
package net.weft.daemon.identity;
