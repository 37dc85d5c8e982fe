/**
 * The host plumbing commands: {@code weft attach}, {@code detach}, {@code ps}, {@code expose} and
 * {@code reset}, as picocli {@code @Command} classes for the {@code weft} launcher to register.
 *
 * <p>Each command is a thin shell over {@link net.weft.sleeve.host.weft.ContainerPlumbing}: it parses
 * its arguments, calls one operation, prints one line per result, and turns a
 * {@link net.weft.sleeve.host.HostNetworkException} into {@code weft: <message>} on stderr with exit
 * status 1 (picocli reports usage errors with status 2).
 */
package net.weft.sleeve.cli;
