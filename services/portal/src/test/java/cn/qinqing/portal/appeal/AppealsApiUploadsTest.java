package cn.qinqing.portal.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.qinqing.portal.service.ServiceClients;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.client.RestClient;

/** What the portal sends the appeals service for a form with files: the API's multipart request, as it reads it. */
class AppealsApiUploadsTest {

    static final UUID ID = UUID.fromString("6f1c0c1e-0000-4000-8000-000000000001");

    private HttpServer server;
    private final AtomicReference<String> path = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>();
    private final AtomicReference<String> ifMatch = new AtomicReference<>();
    private final AtomicReference<String> body = new AtomicReference<>();
    private AppealsApi appeals;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            path.set(exchange.getRequestURI().getPath());
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            ifMatch.set(exchange.getRequestHeaders().getFirst("If-Match"));
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = ("{\"id\":\"" + ID + "\",\"version\":5}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        ServiceClients clients = mock(ServiceClients.class);
        when(clients.of(AppealsApi.SERVICE))
                .thenReturn(RestClient.builder()
                        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                        .build());
        appeals = new AppealsApi(clients);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aReopeningWithFilesIsTheApisMultipartReopening() {
        long version = appeals.reopen(
                ID,
                3,
                "增容后仍频繁跳闸",
                List.of(new MockMultipartFile(
                        "files", "现场照片.txt", "text/plain", "跳闸记录".getBytes(StandardCharsets.UTF_8))));

        assertThat(version).isEqualTo(5);
        assertThat(path.get()).isEqualTo("/api/appeals/" + ID + "/reopening");
        assertThat(contentType.get()).startsWith("multipart/form-data");
        assertThat(ifMatch.get()).isEqualTo("\"3\"");
        assertThat(body.get())
                .contains("name=\"reopening\"")
                .contains("{\"reason\":\"增容后仍频繁跳闸\"}")
                .contains("name=\"files\"")
                .contains("跳闸记录");
    }

    @Test
    void aReopeningWithoutFilesStaysTheJsonRequest() {
        MockMultipartFile leftEmpty = new MockMultipartFile("files", "", "application/octet-stream", new byte[0]);

        appeals.reopen(ID, 3, "仍未解决", List.of(leftEmpty));

        assertThat(contentType.get()).startsWith("application/json");
        assertThat(body.get()).isEqualTo("{\"reason\":\"仍未解决\"}");
    }
}
