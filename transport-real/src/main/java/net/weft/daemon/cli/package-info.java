/**
 * The daemon verbs of the {@code weft} command line: {@code launch}, {@code stop}, {@code connect},
 * {@code forget}, {@code status} and {@code report}.
 *
 * <p>{@code launch} runs a daemon in the foreground (for systemd and tests) or re-executes itself in the
 * background with {@code --detach}. Every other verb talks to its daemon only through the local HTTP control
 * API ({@code --http-addr}, or {@code WEFT_HTTP_ADDR}, default {@code 127.0.0.1:6784}), so several daemons in
 * different network namespaces of one machine stay independent. The verbs are registered in
 * {@code net.weft.cli.Main}; {@link net.weft.daemon.cli.DaemonMain} offers them alone, for tests and scripts.
 */
package net.weft.daemon.cli;
