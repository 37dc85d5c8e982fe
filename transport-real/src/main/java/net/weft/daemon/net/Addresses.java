package net.weft.daemon.net;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import net.weft.core.id.Endpoint;

/** Conversions between socket addresses and the core's textual {@link Endpoint}s. */
public final class Addresses {

    private Addresses() {
    }

    /** The endpoint of a socket address; IPv4-mapped IPv6 addresses become plain IPv4. */
    public static Endpoint endpointOf(SocketAddress address) {
        if (!(address instanceof InetSocketAddress)) {
            return new Endpoint("unknown", 0);
        }
        InetSocketAddress inet = (InetSocketAddress) address;
        InetAddress ip = inet.getAddress();
        if (ip == null) {
            return new Endpoint(inet.getHostString(), inet.getPort());
        }
        byte[] raw = ip.getAddress();
        if (raw.length == 16 && isV4Mapped(raw)) {
            return new Endpoint((raw[12] & 0xFF) + "." + (raw[13] & 0xFF) + "." + (raw[14] & 0xFF) + "."
                    + (raw[15] & 0xFF), inet.getPort());
        }
        String host = ip.getHostAddress();
        int zone = host.indexOf('%');
        return new Endpoint(zone >= 0 ? host.substring(0, zone) : host, inet.getPort());
    }

    /** The socket address of an IP-literal endpoint, or null when the host is not an IP literal. */
    public static InetSocketAddress literal(Endpoint endpoint) {
        byte[] raw = NetUtil.createByteArrayFromIpAddressString(endpoint.host());
        if (raw == null) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(raw), endpoint.port());
        } catch (UnknownHostException impossible) {
            return null;
        }
    }

    private static boolean isV4Mapped(byte[] raw) {
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return (raw[10] & 0xFF) == 0xFF && (raw[11] & 0xFF) == 0xFF;
    }
}
