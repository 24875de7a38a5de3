package cn.qinqing.portal.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.service.ServiceClients;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/**
 * The page after a sign-for: the resolution service opens the case file when the assignment service's event reaches
 * it, a moment after the sign-for was answered (longer under load, or with several instances of each service), and the
 * official must find the answer form on that page, not on the one after a reload.
 */
class ResolutionApiCaseFileTest {

    static final UUID ID = UUID.fromString("6f1c0c1e-0000-4000-8000-000000000002");

    private HttpServer server;
    private final AtomicInteger reads = new AtomicInteger();
    private volatile int notYetOpenFor;
    private ResolutionApi resolution;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int read = reads.incrementAndGet();
            byte[] answer;
            int status;
            if (read <= notYetOpenFor) {
                status = 404;
                answer = "{\"title\":\"Not Found\",\"status\":404}".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 200;
                answer = ("{\"appealId\":\"" + ID + "\",\"departmentId\":\"industry-it\",\"status\":\"OPEN\","
                                + "\"round\":1,\"version\":0}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        ServiceClients clients = mock(ServiceClients.class);
        when(clients.of(ResolutionApi.SERVICE))
                .thenReturn(RestClient.builder()
                        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                            throw new ApiProblem(
                                    ResolutionApi.SERVICE,
                                    response.getStatusCode().value(),
                                    "not-found",
                                    "no case file",
                                    List.of());
                        })
                        .build());
        resolution = new ResolutionApi(clients);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void thePageAfterASignForWaitsForTheCaseFileTheResolutionServiceOpensAMomentLater() {
        notYetOpenFor = 3;

        Optional<CaseFile> caseFile = resolution.caseFileAtLeast(ID, 0);

        assertThat(caseFile).as("the answer form needs the open case file").isPresent();
        assertThat(caseFile.get().isOpen()).isTrue();
        assertThat(reads.get()).isEqualTo(4);
    }

    @Test
    void aPageThatWaitsForNothingReadsOnceAndShowsThatThereIsNoCaseFileYet() {
        notYetOpenFor = Integer.MAX_VALUE;

        assertThat(resolution.caseFileAtLeast(ID, -1)).isEmpty();
        assertThat(reads.get()).isEqualTo(1);
    }
}
