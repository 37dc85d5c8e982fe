package net.weft.sleeve.host;

import java.util.Optional;

import net.weft.sleeve.host.rtnl.Rtnetlink;
import net.weft.sleeve.host.tap.TapDevice;

/**
 * Run by {@link PrivilegeTest} in a child JVM inside a fresh user namespace, where it has no capability
 * over the host's network namespace: prints one line per operation with the failure it met.
 */
public final class UnprivilegedProbe {

    private UnprivilegedProbe() {
    }

    /** Arguments: a bridge name and a TAP name to (fail to) create. */
    public static void main(String[] args) {
        try (Rtnetlink host = Rtnetlink.openHost()) {
            host.createBridge(args[0], Optional.empty(), 1500);
            System.out.println("bridge: created");
        } catch (HostNetworkException e) {
            System.out.println("bridge: " + e.reason() + ": " + e.getMessage());
        }
        try (TapDevice tap = TapDevice.open(args[1])) {
            System.out.println("tap: created " + tap.name());
        } catch (HostNetworkException e) {
            System.out.println("tap: " + e.reason() + ": " + e.getMessage());
        }
    }
}
