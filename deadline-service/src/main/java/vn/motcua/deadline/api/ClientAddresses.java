package vn.motcua.deadline.api;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import vn.motcua.deadline.config.StreamSettings;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client address the alert stream's per-address cap counts. Forwarded headers ({@code Forwarded: for=}, else
 * {@code X-Forwarded-For}) are believed only from the trusted proxies: from anyone else they are the client's own
 * word, and would let it open streams under as many addresses as it writes. Read right to left, each hop a trusted
 * proxy names is taken until one is not a trusted proxy: that is the client. An IPv6 client counts by its /64, since
 * one host commonly holds a whole /64 and could otherwise take a new address per stream.
 */
@Singleton
public class ClientAddresses {

    /** Literals only, so that parsing never asks DNS for a name a client wrote into a header. */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Block> trusted;

    @Inject
    public ClientAddresses(StreamSettings settings) {
        this(settings.trustedProxies().orElse(List.of()));
    }

    /** @param trustedProxies addresses or CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8}); wrong ones fail here */
    ClientAddresses(List<String> trustedProxies) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                blocks.add(Block.of(entry.trim()));
            }
        }
        this.trusted = List.copyOf(blocks);
    }

    /**
     * @param peer          the address of the connection's other end
     * @param forwarded     the {@code Forwarded} header, or null
     * @param xForwardedFor the {@code X-Forwarded-For} header, or null
     */
    public String key(String peer, String forwarded, String xForwardedFor) {
        Optional<InetAddress> current = parse(peer);
        if (current.isEmpty()) {
            return peer;
        }
        List<String> hops = forwarded != null && !forwarded.isBlank() ? forwardedFor(forwarded)
                : xForwardedFor != null ? Arrays.asList(xForwardedFor.split(",")) : List.of();
        for (int i = hops.size() - 1; i >= 0 && isTrusted(current.get()); i--) {
            Optional<InetAddress> hop = parse(hops.get(i));
            if (hop.isEmpty()) {
                break; // "unknown" or an obfuscated name: the proxy is the last address known
            }
            current = hop;
        }
        return key(current.get());
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(block -> block.contains(address));
    }

    private static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(address.getAddress(), 16); // the last 8 bytes zero: the /64
            Arrays.fill(prefix, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address.getHostAddress();
    }

    /** The {@code for=} values of a {@code Forwarded} header, in order (RFC 7239). */
    private static List<String> forwardedFor(String header) {
        List<String> hops = new ArrayList<>();
        for (String element : header.split(",")) {
            for (String pair : element.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase("for")) {
                    hops.add(pair.substring(equals + 1).trim());
                }
            }
        }
        return hops;
    }

    /** An IPv4 or IPv6 literal, also quoted, bracketed or with a port as headers write them; empty otherwise. */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            value = close > 0 ? value.substring(1, close) : "";
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            value = value.substring(0, value.indexOf(':')); // IPv4 with a port
        }
        int zone = value.indexOf('%');
        if (zone >= 0) {
            value = value.substring(0, zone);
        }
        if (value.isEmpty() || !LITERAL.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(value));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address and how many of its leading bits a trusted proxy's address shares. */
    private record Block(byte[] network, int bits) {

        static Block of(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress parsed = parse(address).orElseThrow(() -> new IllegalArgumentException(
                    "motcua.alerts.stream.trusted-proxies: not an address or CIDR block: " + entry));
            byte[] bytes = parsed.getAddress();
            int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("motcua.alerts.stream.trusted-proxies: bad prefix length: " + entry);
            }
            return new Block(bytes, bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
