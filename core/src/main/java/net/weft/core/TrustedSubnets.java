package net.weft.core;

import java.util.List;

/**
 * Matches an IPv4 address against CIDR blocks ({@code 10.0.0.0/8}). Used for {@code --trusted-subnets}:
 * peers in a trusted subnet (on both sides) get no data-plane encryption, as in Weave.
 */
final class TrustedSubnets {

    private TrustedSubnets() {
    }

    /** True when {@code host} is a dotted IPv4 address inside one of {@code cidrs}; malformed entries never match. */
    static boolean contains(List<String> cidrs, String host) {
        long ip = parseIPv4(host);
        if (ip < 0) {
            return false;
        }
        for (String cidr : cidrs) {
            int slash = cidr.indexOf('/');
            long net = parseIPv4(slash < 0 ? cidr : cidr.substring(0, slash));
            int bits = 32;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(cidr.substring(slash + 1));
                } catch (NumberFormatException e) {
                    continue;
                }
            }
            if (net < 0 || bits < 0 || bits > 32) {
                continue;
            }
            long mask = bits == 0 ? 0 : (0xFFFF_FFFFL << (32 - bits)) & 0xFFFF_FFFFL;
            if ((ip & mask) == (net & mask)) {
                return true;
            }
        }
        return false;
    }

    /** The address as an unsigned 32-bit value, or -1 when it is not dotted IPv4. */
    static long parseIPv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return -1;
            }
            v = (v << 8) | octet;
        }
        return v;
    }
}
