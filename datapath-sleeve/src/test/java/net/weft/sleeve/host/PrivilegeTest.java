package net.weft.sleeve.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Without CAP_NET_ADMIN every operation says that weft needs root. Simulated by running a child JVM in
 * a new user namespace ({@code unshare --user --map-root-user}): it is "root" there, but holds no
 * capability over the host's network namespace, which belongs to the initial user namespace.
 */
class PrivilegeTest {

    @Test
    void without_cap_net_admin_creating_a_bridge_or_a_tap_asks_for_root() {
        HostTools.assumeRootWithIp();
        assumeTrue(HostTools.run("unshare", "--user", "--map-root-user", "true").exitCode() == 0,
                "needs unshare and user namespaces");
        String java = ProcessHandle.current().info().command().orElse("java");
        String bridge = HostTools.uniqueName("wfb");
        String tap = HostTools.uniqueName("wft");
        try {
            HostTools.Result probe = HostTools.run("unshare", "--user", "--map-root-user", java,
                    "-cp", System.getProperty("java.class.path"), UnprivilegedProbe.class.getName(), bridge, tap);

            assertThat(probe.output())
                    .contains("bridge: NEEDS_PRIVILEGE: weft needs root (CAP_NET_ADMIN) to create bridge " + bridge
                            + ": EPERM (Operation not permitted)")
                    .contains("tap: NEEDS_PRIVILEGE: weft needs root (CAP_NET_ADMIN) to create TAP device " + tap);
            assertThat(HostTools.run("ip", "link", "show", bridge).exitCode()).isNotZero();
        } finally {
            HostTools.deleteLink(bridge);
        }
    }
}
