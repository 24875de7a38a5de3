package cn.qinqing.portal.config;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the portal finds the identity provider and the services.
 *
 * @param issuer the OpenID Connect issuer (the identity service), as browsers and this server both reach it
 * @param clientId the portal's client at the issuer
 * @param clientSecret its secret; only the {@code local} profile has a default
 * @param services base URL of each service by name: appeals, assignment, resolution, meetings, oversight,
 *     notifications, projects, and identity (its users and clients API)
 * @param publicUrl the one address people open the portal at (scheme, host, port), the one the identity provider has
 *     the redirect URI of; a page opened at another host (such as {@code 127.0.0.1} for {@code localhost}) is sent
 *     there first. None: pages answer at any host (a deployment behind a proxy that fixes the host)
 */
@ConfigurationProperties("qinqing.portal")
public record PortalProperties(
        String issuer,
        @DefaultValue("qinqing-portal") String clientId,
        String clientSecret,
        @DefaultValue Map<String, URI> services,
        URI publicUrl) {

    public PortalProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("qinqing.portal.issuer must be set (the identity service's address)");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException(
                    "qinqing.portal.client-secret must be set (the secret of client " + clientId + ")");
        }
        issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        services = Map.copyOf(services);
        if (publicUrl != null && (publicUrl.getScheme() == null || publicUrl.getHost() == null)) {
            throw new IllegalArgumentException(
                    "qinqing.portal.public-url must be an absolute URL such as http://localhost:8080, not "
                            + publicUrl);
        }
    }

    /** The base URL of a service; refuses a name that is not configured. */
    public URI service(String name) {
        URI uri = services.get(name);
        if (uri == null) {
            throw new IllegalStateException("qinqing.portal.services." + name + " is not configured");
        }
        return uri;
    }
}
