package cn.qinqing.portal.service;

import cn.qinqing.portal.config.PortalProperties;
import cn.qinqing.web.CorrelationIdFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;

/**
 * One {@link RestClient} per service, each sending the signed-in user's own access token (refreshed when it has
 * expired), so that every service decides for itself what this user may see and do, and the page request's correlation
 * id ({@code X-Correlation-Id}) and, with tracing on, its W3C {@code traceparent}, so that the API's log lines and
 * spans join the portal's. Refusals become {@link ApiProblem}s, an unreachable or failing service a
 * {@link ServiceUnavailableException}, a refused token a {@link SignInRequiredException}.
 */
@Component
public class ServiceClients {

    public static final String REGISTRATION_ID = "qinqing";

    private final PortalProperties portal;
    private final RestClient.Builder builder;
    private final OAuth2AuthorizedClientManager authorizedClients;
    private final ObjectMapper mapper;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    ServiceClients(
            PortalProperties portal,
            RestClient.Builder builder,
            OAuth2AuthorizedClientManager authorizedClients,
            ObjectMapper mapper) {
        this.portal = portal;
        this.builder = builder;
        this.authorizedClients = authorizedClients;
        this.mapper = mapper;
    }

    /** The client of the named service (a name of {@code qinqing.portal.services}: appeals, …, projects, identity). */
    public RestClient of(String service) {
        return clients.computeIfAbsent(service, this::create);
    }

    private RestClient create(String service) {
        return builder.clone()
                .baseUrl(portal.service(service).toString())
                .requestInterceptor(bearerToken(service))
                // the page's correlation id, which the API adopts; the traceparent comes with Spring Boot's
                // observation of the builder's requests when tracing is on
                .requestInterceptor(CorrelationIdFilter.forwarding())
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    int status = response.getStatusCode().value();
                    if (status == 401) {
                        throw new SignInRequiredException(service + " refused the access token", null);
                    }
                    byte[] body = StreamUtils.copyToByteArray(response.getBody());
                    if (status >= 500) {
                        throw new ServiceUnavailableException(
                                service, service + " answered " + status + " to " + request.getURI(), null);
                    }
                    throw ApiProblem.read(service, status, body, mapper);
                })
                .build();
    }

    private ClientHttpRequestInterceptor bearerToken(String service) {
        return (request, body, execution) -> {
            request.getHeaders().setBearerAuth(accessToken());
            try {
                return execution.execute(request, body);
            } catch (IOException e) {
                throw new ServiceUnavailableException(
                        service, service + " did not answer at " + request.getURI() + ": " + e.getMessage(), e);
            }
        };
    }

    private String accessToken() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null) {
            throw new SignInRequiredException("nobody is signed in", null);
        }
        OAuth2AuthorizedClient client;
        try {
            client = authorizedClients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION_ID)
                    .principal(user)
                    .build());
        } catch (OAuth2AuthorizationException e) {
            throw new SignInRequiredException("the session's tokens could not be refreshed", e);
        }
        if (client == null) {
            throw new SignInRequiredException("the session holds no access token", null);
        }
        return client.getAccessToken().getTokenValue();
    }
}
