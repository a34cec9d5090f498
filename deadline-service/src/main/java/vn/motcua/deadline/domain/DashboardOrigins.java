package vn.motcua.deadline.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The dashboards a login or logout may send the browser back to. Only an absolute http(s) address on one of these
 * origins (scheme, host and port) is accepted, so the login link cannot be used to bounce a signed-in browser to
 * another site (an open redirect).
 */
public final class DashboardOrigins {

    private final List<URI> origins;

    private DashboardOrigins(List<URI> origins) {
        this.origins = origins;
    }

    public static DashboardOrigins of(Collection<String> origins) {
        return new DashboardOrigins(origins.stream().map(String::trim).filter(o -> !o.isEmpty())
                .map(URI::create).toList());
    }

    /** Where to go when no address is given: the first dashboard's start page. */
    public URI home() {
        return origins.get(0).resolve("/");
    }

    /** The address, if it is on one of the dashboards' origins. */
    public Optional<URI> accept(String address) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.empty();
        }
        if (!uri.isAbsolute() || uri.getRawUserInfo() != null || uri.getHost() == null) {
            return Optional.empty();
        }
        return origins.stream().anyMatch(origin -> sameOrigin(origin, uri)) ? Optional.of(uri) : Optional.empty();
    }

    private static boolean sameOrigin(URI origin, URI uri) {
        return lower(origin.getScheme()).equals(lower(uri.getScheme()))
                && lower(origin.getHost()).equals(lower(uri.getHost()))
                && port(origin) == port(uri);
    }

    private static String lower(String text) {
        return Objects.requireNonNullElse(text, "").toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
