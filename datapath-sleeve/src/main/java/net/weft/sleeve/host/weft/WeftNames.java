package net.weft.sleeve.host.weft;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import net.weft.core.id.MacAddress;
import net.weft.sleeve.host.netns.NetworkNamespace;
import net.weft.sleeve.host.rtnl.Rtnetlink;

/**
 * How Weft names what it creates, so that every command can find it again without a state file:
 * the host end of a container's veth pair is {@code vethwepl<id>}, its peer {@code vethwepg<id>} until
 * it is renamed {@code ethwe} inside the container, and {@code <id>} is derived from the namespace
 * (the process id, a short namespace name as is, or a hash of a longer one).
 */
public final class WeftNames {

    /** Weft's bridge. */
    public static final String BRIDGE = "weft";
    /** The interface name inside a container. */
    public static final String CONTAINER_INTERFACE = "ethwe";
    /** Prefix of every veth end Weft creates (both ends). */
    public static final String VETH_PREFIX = "vethwe";
    /** Prefix of the host end of a container's veth pair. */
    public static final String HOST_END_PREFIX = "vethwepl";
    /** Prefix of the container end before it is moved and renamed. */
    public static final String PEER_END_PREFIX = "vethwepg";
    /** Prefix of Weft's TAP capture/injection ports. */
    public static final String TAP_PREFIX = "weft-tap";
    /** Characters left for the id after the 8-character prefixes, within the 15-character limit. */
    public static final int ID_MAX_LENGTH = Rtnetlink.MAX_NAME_LENGTH - HOST_END_PREFIX.length();

    private static final String MAC_DERIVATION_CONTEXT = "weft container MAC ";
    private static final int MAC_BYTES = 6;
    /** First-octet bits: clear the group bit, set the locally-administered bit. */
    private static final int LOCAL_UNICAST_MASK = 0xFC;
    private static final int LOCALLY_ADMINISTERED = 0x02;

    private WeftNames() {
    }

    /**
     * The id used in a namespace's veth names: the process id for {@code /proc/PID/ns/net}; a named
     * namespace's name when it is at most {@link #ID_MAX_LENGTH} letters, digits, '-' or '_'; otherwise
     * the first {@link #ID_MAX_LENGTH} hex digits of the SHA-256 of the name.
     */
    public static String interfaceId(NetworkNamespace namespace) {
        String label = namespace.label();
        if (namespace.isProcess()) {
            return label;
        }
        if (label.length() <= ID_MAX_LENGTH && label.chars().allMatch(WeftNames::isPlainNameCharacter)) {
            return label;
        }
        return HexFormat.of().formatHex(sha256(label)).substring(0, ID_MAX_LENGTH);
    }

    /** {@code vethwepl<id>}: the host end, a port of the bridge. */
    public static String hostEnd(NetworkNamespace namespace) {
        return HOST_END_PREFIX + interfaceId(namespace);
    }

    /** {@code vethwepg<id>}: the container end's name until it is renamed inside the namespace. */
    public static String peerEnd(NetworkNamespace namespace) {
        return PEER_END_PREFIX + interfaceId(namespace);
    }

    /**
     * The MAC address of a container's {@code ethwe}: a locally administered unicast address taken from
     * a hash of the host end's name, so re-attaching the same namespace gives the same MAC.
     */
    public static MacAddress containerMac(NetworkNamespace namespace) {
        byte[] hash = sha256(MAC_DERIVATION_CONTEXT + hostEnd(namespace));
        long value = (hash[0] & LOCAL_UNICAST_MASK) | LOCALLY_ADMINISTERED;
        for (int i = 1; i < MAC_BYTES; i++) {
            value = (value << 8) | (hash[i] & 0xFF);
        }
        return new MacAddress(value);
    }

    /** True for links `weft reset` removes besides the bridge: Weft's veth ends and TAP ports. */
    public static boolean isWeftPort(String linkName) {
        return linkName.startsWith(VETH_PREFIX) || linkName.startsWith(TAP_PREFIX);
    }

    private static boolean isPlainNameCharacter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
