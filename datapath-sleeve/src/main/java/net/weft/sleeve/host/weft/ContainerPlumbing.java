package net.weft.sleeve.host.weft;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import net.weft.core.id.MacAddress;
import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.HostNetworkException.Reason;
import net.weft.sleeve.host.netns.NetworkNamespace;
import net.weft.sleeve.host.rtnl.Ipv4Prefix;
import net.weft.sleeve.host.rtnl.LinkInfo;
import net.weft.sleeve.host.rtnl.Rtnetlink;

/**
 * Weft's container plumbing on one host: the bridge, and containers attached to it through veth pairs
 * whose container end is {@code ethwe}. This is what {@code weft attach/detach/ps/expose/reset} do.
 *
 * <p>Every object is found again by name ({@link WeftNames}); nothing is stored. Attaching is undone
 * if any step fails: the veth pair is deleted, which removes both ends wherever they are.
 */
public final class ContainerPlumbing {

    /** Weft's default MTU: leaves room for the sleeve encapsulation within a 1500-byte underlay. */
    public static final int DEFAULT_MTU = 1376;

    private final String bridgeName;

    /** Plumbing around the bridge {@code bridgeName} (normally {@link WeftNames#BRIDGE}). */
    public ContainerPlumbing(String bridgeName) {
        this.bridgeName = bridgeName;
    }

    /** The bridge this plumbing works on. */
    public String bridgeName() {
        return bridgeName;
    }

    /**
     * Creates the bridge if absent (with {@code mac} when given, else a kernel-chosen address, and the
     * given MTU) and brings it up.
     *
     * @return the bridge as it is now
     */
    public LinkInfo ensureBridge(Optional<MacAddress> mac, int mtu) {
        try (Rtnetlink host = Rtnetlink.openHost()) {
            if (host.findLink(bridgeName).isEmpty()) {
                host.createBridge(bridgeName, mac, mtu);
            }
            host.setUp(bridgeName, true);
            return host.link(bridgeName);
        }
    }

    /**
     * Attaches a container's network namespace to the bridge: a veth pair whose container end becomes
     * {@code ethwe} with {@code address}, {@code mtu} and a MAC derived from the namespace, both ends up,
     * the host end a port of the bridge. If the container is already attached, only the address is added.
     *
     * @param bridgeMac the bridge's MAC if the bridge has to be created (Weft uses its peer name)
     * @return the attachment as {@code ps} would show it
     * @throws HostNetworkException NAMESPACE_MISSING, ALREADY_EXISTS (address or names taken),
     *                              NEEDS_PRIVILEGE, FAILED for the host's own namespace
     */
    public Attachment attach(NetworkNamespace namespace, Ipv4Prefix address, int mtu,
                             Optional<MacAddress> bridgeMac) {
        if (namespace.isCallersNamespace()) {
            throw HostNetworkException.of(Reason.FAILED, "cannot attach " + namespace.label()
                    + ": it shares the host's network namespace (a container needs its own)");
        }
        try (Rtnetlink inside = Rtnetlink.openInside(namespace); Rtnetlink host = Rtnetlink.openHost()) {
            String hostEnd = WeftNames.hostEnd(namespace);
            if (host.findLink(hostEnd).isPresent() && inside.findLink(WeftNames.CONTAINER_INTERFACE).isPresent()) {
                inside.addIpv4Address(WeftNames.CONTAINER_INTERFACE, address);
                return describe(namespace.label(), host.link(hostEnd), inside);
            }
            ensureBridge(bridgeMac, mtu);
            String peerEnd = WeftNames.peerEnd(namespace);
            host.createVethPair(hostEnd, peerEnd, Optional.of(WeftNames.containerMac(namespace)), mtu);
            try {
                host.moveToNamespace(peerEnd, namespace);
                inside.rename(peerEnd, WeftNames.CONTAINER_INTERFACE);
                inside.addIpv4Address(WeftNames.CONTAINER_INTERFACE, address);
                inside.setUp(WeftNames.CONTAINER_INTERFACE, true);
                host.setMaster(hostEnd, bridgeName);
                host.setUp(hostEnd, true);
            } catch (RuntimeException e) {
                deleteQuietly(host, hostEnd, e);
                throw e;
            }
            return describe(namespace.label(), host.link(hostEnd), inside);
        }
    }

    /**
     * Detaches a container: deletes its veth pair, which removes {@code ethwe} inside the namespace.
     *
     * @return true when there was something to remove
     */
    public boolean detach(NetworkNamespace namespace) {
        String hostEnd = WeftNames.hostEnd(namespace);
        try (Rtnetlink host = Rtnetlink.openHost()) {
            if (host.findLink(hostEnd).isEmpty()) {
                if (!namespace.exists()) {
                    throw HostNetworkException.of(Reason.NAMESPACE_MISSING,
                            "network namespace " + namespace.label() + " not found (no " + namespace.path() + ")");
                }
                return false;
            }
            host.deleteLink(hostEnd);
            return true;
        }
    }

    /**
     * The containers attached to the bridge: its ports named {@code vethwepl<id>}, each matched with a
     * namespace (the process {@code <id>}, or the named namespace whose id is {@code <id>}) in which
     * {@code ethwe}'s peer is that port. Empty when the bridge does not exist.
     */
    public List<Attachment> list() {
        List<Attachment> attachments = new ArrayList<>();
        try (Rtnetlink host = Rtnetlink.openHost()) {
            Optional<LinkInfo> bridge = host.findLink(bridgeName);
            if (bridge.isEmpty()) {
                return attachments;
            }
            for (LinkInfo port : host.links()) {
                if (port.isPortOf(bridge.get().index()) && port.name().startsWith(WeftNames.HOST_END_PREFIX)) {
                    attachments.add(findContainer(port));
                }
            }
        }
        return attachments;
    }

    /**
     * Gives the host an address on the Weft network by adding it to the bridge (creating the bridge
     * with the default MTU if needed).
     *
     * @return false when the bridge already had the address
     */
    public boolean expose(Ipv4Prefix address) {
        ensureBridge(Optional.empty(), DEFAULT_MTU);
        try (Rtnetlink host = Rtnetlink.openHost()) {
            if (host.ipv4Addresses(bridgeName).contains(address)) {
                return false;
            }
            host.addIpv4Address(bridgeName, address);
            return true;
        }
    }

    /**
     * Removes everything Weft created in the host namespace: the bridge, every link named
     * {@code vethwe*} (which also removes the containers' {@code ethwe}) and every {@code weft-tap*}.
     * Nothing else is touched.
     *
     * @return the names of the links removed, in the order removed
     */
    public List<String> reset() {
        List<String> removed = new ArrayList<>();
        try (Rtnetlink host = Rtnetlink.openHost()) {
            for (LinkInfo link : host.links()) {
                if (WeftNames.isWeftPort(link.name()) && host.findLink(link.name()).isPresent()) {
                    host.deleteLink(link.name());
                    removed.add(link.name());
                }
            }
            if (host.findLink(bridgeName).isPresent()) {
                host.deleteLink(bridgeName);
                removed.add(bridgeName);
            }
        }
        return removed;
    }

    private Attachment findContainer(LinkInfo hostEnd) {
        String id = hostEnd.name().substring(WeftNames.HOST_END_PREFIX.length());
        for (NetworkNamespace candidate : candidates(id)) {
            try (Rtnetlink inside = Rtnetlink.openInside(candidate)) {
                Optional<LinkInfo> ethwe = inside.findLink(WeftNames.CONTAINER_INTERFACE);
                if (ethwe.isPresent() && ethwe.get().linkIndex() == hostEnd.index()) {
                    return describe(candidate.label(), hostEnd, inside);
                }
            } catch (HostNetworkException e) {
                if (e.reason() != Reason.NAMESPACE_MISSING) {
                    throw e;
                }
            }
        }
        return new Attachment(Optional.empty(), hostEnd.name(), Optional.empty(), List.of());
    }

    private static List<NetworkNamespace> candidates(String id) {
        List<NetworkNamespace> candidates = new ArrayList<>();
        if (!id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            candidates.add(NetworkNamespace.ofProcess(Long.parseLong(id)));
        }
        try (Stream<Path> named = Files.list(Path.of(NetworkNamespace.NAMED_NAMESPACE_DIRECTORY))) {
            named.map(p -> p.getFileName().toString()).sorted()
                    .map(NetworkNamespace::named)
                    .filter(ns -> WeftNames.interfaceId(ns).equals(id))
                    .forEach(candidates::add);
        } catch (IOException e) {
            return candidates;
        }
        return candidates;
    }

    private static Attachment describe(String namespace, LinkInfo hostEnd, Rtnetlink inside) {
        LinkInfo ethwe = inside.link(WeftNames.CONTAINER_INTERFACE);
        return new Attachment(Optional.of(namespace), hostEnd.name(), ethwe.mac(),
                inside.ipv4Addresses(WeftNames.CONTAINER_INTERFACE));
    }

    private static void deleteQuietly(Rtnetlink host, String name, RuntimeException cause) {
        try {
            host.deleteLink(name);
        } catch (HostNetworkException e) {
            cause.addSuppressed(e);
        }
    }
}
