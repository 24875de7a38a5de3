package cn.qinqing.appeals.open311;

import static cn.qinqing.platform.security.EndpointRule.anyone;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import cn.qinqing.platform.security.AuthorizationPolicy;
import cn.qinqing.platform.security.EndpointRule;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The Open311 facade's endpoints, the only ones of the appeals service open without a bearer token: the reads show
 * what a city publishes (an enterprise's own {@code api_key} widens them to its own requests), and the one write, a
 * POST of a request, is refused by the facade itself (403 in GeoReport's shape) without a valid enterprise {@code
 * api_key} — GeoReport carries the key as a parameter, not as a header the security filter could read. Anything
 * else under {@code /open311} stays refused by the platform's default deny.
 */
@Component
class Open311AuthorizationPolicy implements AuthorizationPolicy {

    @Override
    public List<EndpointRule> rules() {
        return List.of(
                anyone(GET, "/open311/v2/discovery.{format}"),
                anyone(GET, "/open311/v2/services.{format}"),
                anyone(GET, "/open311/v2/services/{code}.{format}"),
                anyone(GET, "/open311/v2/requests.{format}"),
                anyone(GET, "/open311/v2/requests/{id}.{format}"),
                anyone(GET, "/open311/v2/tokens/{token}.{format}"),
                anyone(POST, "/open311/v2/requests.{format}"));
    }
}
