package vn.motcua.intake.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which client a request counts against for the lookup limit. The socket's address, unless the socket is one of the
 * trusted proxies: then X-Forwarded-For is read from the right, past the trusted proxies, and the first address
 * no trusted proxy owns is the client (what a client writes itself sits further left and is never reached). An IPv6
 * client is counted by its /64: one subscriber usually holds a whole /64 and could otherwise rotate through it.
 * Only address literals are parsed, never names: nothing here ever asks DNS.
 */
public final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");

    /** A network in CIDR form ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); an address alone is its own network. */
    public record Network(byte[] prefix, int bits) {

        public static Network parse(String cidr) {
            String[] parts = cidr.strip().split("/", 2);
            InetAddress address = literal(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException("not an address: " + cidr));
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.getAddress().length * 8;
            if (bits < 0 || bits > address.getAddress().length * 8) {
                throw new IllegalArgumentException("prefix length out of range: " + cidr);
            }
            return new Network(address.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Network> trustedProxies;

    public ClientAddresses(List<Network> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** The key the limit counts: an IPv4 address, an IPv6 /64 ({@code 2001:db8:1:2::/64}), or "unknown". */
    public String keyOf(String socketAddress, String forwardedFor) {
        Optional<InetAddress> socket = literal(socketAddress);
        if (socket.isEmpty()) {
            return "unknown";
        }
        InetAddress client = socket.get();
        if (forwardedFor != null && isTrusted(client)) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                Optional<InetAddress> hop = literal(hops[i].strip());
                if (hop.isEmpty()) {
                    break; // unreadable: the last address known is the client
                }
                client = hop.get();
                if (!isTrusted(client)) {
                    break;
                }
            }
        }
        return key(client);
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(network -> network.contains(address));
    }

    private static String key(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return address.getHostAddress();
        }
        HexFormat hex = HexFormat.of();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            key.append(Integer.toHexString(Integer.parseInt(hex.formatHex(bytes, i, i + 2), 16))).append(':');
        }
        return key.append(":/64").toString();
    }

    static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty() || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            // A literal: InetAddress parses it without a lookup.
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
