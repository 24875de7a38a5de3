package cn.qinqing.portal.service;

import jakarta.servlet.http.HttpServletResponse;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * A document streamed from a service's API to the browser with the service's type, name and length (ADR 0009): the
 * service checks that this user may read it, so a link works only in the session of someone who may.
 */
public final class Downloads {

    private static final List<String> HEADERS = List.of(
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.CONTENT_DISPOSITION,
            HttpHeaders.CACHE_CONTROL,
            HttpHeaders.ETAG);

    private Downloads() {}

    public static void stream(RestClient.RequestHeadersSpec<?> request, String service, HttpServletResponse target) {
        request.exchange((sent, response) -> {
            if (!response.getStatusCode().is2xxSuccessful()) {
                throw new ApiProblem(
                        service,
                        response.getStatusCode().value(),
                        response.getStatusCode().value() == 404
                                ? "not-found"
                                : "http-" + response.getStatusCode().value(),
                        "The document cannot be downloaded.",
                        List.of());
            }
            for (String header : HEADERS) {
                String value = response.getHeaders().getFirst(header);
                if (value != null) {
                    target.setHeader(header, value);
                }
            }
            try (InputStream body = response.getBody()) {
                body.transferTo(target.getOutputStream());
            }
            return null;
        });
    }
}
