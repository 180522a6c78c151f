package org.cryoprotect.auth.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.auth.AuthConfig;

import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;

/**
 * The address a request comes from, for throttling. Forwarding headers are believed only when the
 * direct peer is a configured trusted proxy; then the client is the right-most address that is not
 * itself a trusted proxy (everything left of it was written by the client and may be forged).
 * Quarkus's own proxy-address-forwarding takes the left-most X-Forwarded-For entry instead.
 */
@ApplicationScoped
@Startup // a malformed trusted-proxies entry fails the start, not the first login
public class ClientAddress {

    /** An IP literal, so that parsing never resolves a name. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<Cidr> trusted;

    public ClientAddress(AuthConfig config) {
        this.trusted = config.throttle().trustedProxies().orElse(List.of()).stream().map(Cidr::parse).toList();
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().host();
        if (peer == null) {
            return "unknown";
        }
        Optional<InetAddress> peerAddress = parse(peer);
        if (peerAddress.isEmpty() || !isTrusted(peerAddress.get())) {
            return peer;
        }
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = parse(hops.get(i));
            if (hop.isEmpty()) {
                return peer; // a proxy we trust wrote something unreadable: count it against the proxy
            }
            if (!isTrusted(hop.get())) {
                return hop.get().getHostAddress();
            }
        }
        return peer;
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(cidr -> cidr.contains(address));
    }

    /** RFC 7239 Forwarded (for=) wins over X-Forwarded-For; both list hops left to right. */
    private static List<String> forwardedFor(HttpServerRequest request) {
        List<String> hops = new ArrayList<>();
        List<String> forwarded = request.headers().getAll("Forwarded");
        if (!forwarded.isEmpty()) {
            for (String header : forwarded) {
                for (String element : header.split(",")) {
                    for (String pair : element.split(";")) {
                        String[] kv = pair.trim().split("=", 2);
                        if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("for")) {
                            hops.add(kv[1].trim());
                        }
                    }
                }
            }
            return hops;
        }
        for (String header : request.headers().getAll("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }

    /** Accepts 1.2.3.4, 1.2.3.4:5678, ::1, [::1]:5678 and their RFC 7239 quoted forms. */
    static Optional<InetAddress> parse(String value) {
        String v = value.trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            v = close < 0 ? "" : v.substring(1, close);
        } else if (v.indexOf(':') > 0 && v.indexOf(':') == v.lastIndexOf(':') && v.contains(".")) {
            v = v.substring(0, v.indexOf(':')); // IPv4 with a port
        }
        if (!IP_LITERAL.matcher(v).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(v));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address range in CIDR notation, or a single address. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.trim().split("/", 2);
            InetAddress address = ClientAddress.parse(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException("cryo.auth.throttle.trusted-proxies: not an address: " + text));
            byte[] bytes = address.getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : bytes.length * 8;
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("cryo.auth.throttle.trusted-proxies: bad prefix length: " + text);
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
