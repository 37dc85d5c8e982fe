package net.weft.daemon.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.rng.DeterministicRandom;

/** Derives the daemon's identity from the host; see the package documentation for the order of sources. */
public final class HostIdentity {

    /** The bridge whose MAC carries our name across restarts. */
    public static final String BRIDGE_NAME = "weft";
    /** Weave's salt for deriving a peer name from the machine ids. */
    static final String NAME_SALT = "9oBJ0Jmip-";
    /** Short ids have 12 bits. */
    public static final int SHORT_ID_LIMIT = 4096;

    private static final String[] MACHINE_ID_FILES = {"/etc/machine-id", "/var/lib/dbus/machine-id"};
    private static final String[] PRODUCT_UUID_FILES = {"/sys/class/dmi/id/product_uuid", "/sys/hypervisor/uuid"};

    private HostIdentity() {
    }

    /** How the peer name was chosen, for the start-up log line. */
    public enum NameSource { FLAG, BRIDGE, MACHINE_ID, RANDOM }

    /** A chosen name and where it came from. */
    public record ChosenName(PeerName name, NameSource source) { }

    /**
     * The peer name: {@code flag} when given (throws {@link IllegalArgumentException} if invalid), else the
     * bridge MAC, else the machine-id derivation, else random from {@code rng}.
     */
    public static ChosenName peerName(Optional<String> flag, HostFiles files, DeterministicRandom rng) {
        if (flag.isPresent()) {
            return new ChosenName(PeerName.of(flag.get().trim()), NameSource.FLAG);
        }
        Optional<PeerName> bridge = files.read("/sys/class/net/" + BRIDGE_NAME + "/address")
                .flatMap(b -> PeerName.parse(new String(b, StandardCharsets.US_ASCII).trim()))
                .filter(n -> !n.equals(PeerName.UNKNOWN));
        if (bridge.isPresent()) {
            return new ChosenName(bridge.get(), NameSource.BRIDGE);
        }
        byte[] machineId = first(files, MACHINE_ID_FILES);
        byte[] productUuid = first(files, PRODUCT_UUID_FILES);
        if (machineId.length + productUuid.length > 0) {
            return new ChosenName(fromSystemIds(machineId, productUuid), NameSource.MACHINE_ID);
        }
        return new ChosenName(localMac(rng.nextLong()), NameSource.RANDOM);
    }

    /** Weave's derivation: SHA-256(salt ‖ machine-id ‖ product-uuid), first 6 bytes, local unicast MAC. */
    public static PeerName fromSystemIds(byte[] machineId, byte[] productUuid) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(NAME_SALT.getBytes(StandardCharsets.US_ASCII));
            sha.update(machineId);
            sha.update(productUuid);
            byte[] sum = sha.digest();
            sum[0] = (byte) ((sum[0] & 0xFE) | 0x02);
            return PeerName.fromBytes(sum, 0);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A fresh non-zero UID. */
    public static PeerUid uid(DeterministicRandom rng) {
        long v;
        do {
            v = rng.nextLong();
        } while (v == 0);
        return new PeerUid(v);
    }

    /** A random 12-bit short id. */
    public static int shortId(DeterministicRandom rng) {
        return rng.nextInt(SHORT_ID_LIMIT);
    }

    /** The host name, for the default nickname; "weft" when it cannot be read. */
    public static String hostname(HostFiles files) {
        return files.read("/proc/sys/kernel/hostname")
                .map(b -> new String(b, StandardCharsets.UTF_8).trim())
                .filter(s -> !s.isEmpty())
                .orElse("weft");
    }

    private static PeerName localMac(long random) {
        long v = random & PeerName.MASK;
        long first = (v >>> 40) & 0xFF;
        first = (first & 0xFE) | 0x02;
        return new PeerName((v & 0xFF_FFFF_FFFFL) | (first << 40));
    }

    private static byte[] first(HostFiles files, String[] paths) {
        for (String p : paths) {
            Optional<byte[]> b = files.read(p);
            if (b.isPresent()) {
                return b.get();
            }
        }
        return new byte[0];
    }
}
