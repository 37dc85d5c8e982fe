/**
 * {@code weft demo}: a whole Weft network on one machine, built and torn down in about a minute.
 *
 * <p>Theory of operation. {@link net.weft.cli.demo.DemoCommand} creates network namespaces named with one
 * random prefix: three hosts h1, h2, h3 on two underlay veth subnets (h1 - h2 and h2 - h3; h2 does not route,
 * so h1 and h3 cannot reach each other) and one container per host. It starts a real daemon in each host
 * ({@code weft launch} as a child JVM under {@code ip netns exec}), attaches each container with
 * {@code weft attach}, waits until c1 reaches c3 through h2's router, then shows {@code weft status}, pings
 * and a short throughput run ({@code iperf3} when installed, else {@link net.weft.cli.demo.TcpThroughputProbe}).
 * {@link net.weft.cli.demo.DemoNetwork} remembers everything it created and removes it at the end, on failure
 * and on Ctrl-C (a shutdown hook).
 */
package net.weft.cli.demo;
