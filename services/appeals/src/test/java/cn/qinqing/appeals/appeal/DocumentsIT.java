package cn.qinqing.appeals.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.appeals.AppealsApiTestBase;
import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.platform.documents.Documents;
import cn.qinqing.platform.documents.DocumentsProperties;
import cn.qinqing.platform.documents.ObjectStore;
import cn.qinqing.testsupport.MultipartBody;
import cn.qinqing.testsupport.TestObjectStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Documents uploaded with an appeal (ADR 0009), against a real s3proxy on disk and the real database: the bytes come
 * back identical, the type is decided by content, limits answer 413, another enterprise gets 404, a failed step leaves
 * nothing behind, and a restart of the object store keeps every document.
 */
class DocumentsIT extends AppealsApiTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private ObjectStore store;

    @Autowired
    private DocumentsProperties limits;

    @Test
    void aFileUploadedWithTheFilingComesBackByteIdenticalWithItsChineseName() throws Exception {
        byte[] plan = pdf(200_000);
        long eventsBefore = eventCount();

        HttpResponse<String> filed = send(
                "/api/appeals",
                userA,
                null,
                new MultipartBody()
                        .json("appeal", appeal("新厂房通电"))
                        .file("files", "供电方案 v2.pdf", "application/octet-stream", plan));

        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        assertThat(filed.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(eventCount()).as("the filing and its documents").isEqualTo(eventsBefore + 2);
        UUID id = UUID.fromString(json(filed).get("id").asText());

        JsonNode documents = json(get("/api/appeals/" + id + "/documents", userA));
        assertThat(documents).hasSize(1);
        JsonNode document = documents.get(0);
        assertThat(document.get("name").asText()).isEqualTo("供电方案 v2.pdf");
        assertThat(document.get("mediaType").asText())
                .as("detected from the content")
                .isEqualTo("application/pdf");
        assertThat(document.get("sizeBytes").asLong()).isEqualTo(plan.length);
        assertThat(document.get("sha256").asText()).isEqualTo(sha256(plan));

        HttpResponse<byte[]> download = download(id, document.get("documentId").asText(), userA);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(plan);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValue(
                        "attachment; filename=\"____ v2.pdf\"; filename*=UTF-8''%E4%BE%9B%E7%94%B5%E6%96%B9%E6%A1%88%20v2.pdf");

        String stored = jdbc.queryForObject(
                "SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND payload_type LIKE '%AppealDocumentsAttachedEvent'",
                String.class, id.toString());
        assertThat(stored).contains(sha256(plan)).contains("供电方案 v2.pdf").hasSizeLessThan(1000);

        assertThat(download(id, document.get("documentId").asText(), userB).statusCode())
                .as("another enterprise learns nothing")
                .isEqualTo(404);
        assertThat(get("/api/appeals/" + id + "/documents", userB).statusCode()).isEqualTo(404);
        assertThat(download(id, UUID.randomUUID().toString(), userA).statusCode())
                .isEqualTo(404);

        TestObjectStore.get().restart();
        assertThat(download(id, document.get("documentId").asText(), userA).body())
                .as("kept on disk across a restart of the object store")
                .isEqualTo(plan);
    }

    @Test
    void aFileWhoseContentIsNotAnAcceptedTypeIsRefusedWhateverItsName() throws Exception {
        byte[] program = new byte[4096];
        program[0] = 'M';
        program[1] = 'Z';
        long eventsBefore = eventCount();

        HttpResponse<String> refused = send(
                "/api/appeals",
                userA,
                null,
                new MultipartBody()
                        .json("appeal", appeal("带程序的诉求"))
                        .file("files", "invoice.pdf", "application/pdf", program));

        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode error = json(refused).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("files[0]");
        assertThat(error.get("message").asText()).contains("invoice.pdf").contains("application/pdf");
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(store.list("appeals/pending/"))
                .as("nothing left in the store")
                .isEmpty();
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndNothingIsKept() throws Exception {
        UUID id = fileAndWait(userA, "大文件");
        long eventsBefore = eventCount();

        HttpResponse<String> refused = send(
                "/api/appeals/" + id + "/supplements",
                userA,
                "\"0\"",
                new MultipartBody()
                        .json("supplement", Map.of("text", "附上扫描件"))
                        .file("files", "scan.pdf", "application/pdf", pdf(20 * 1024 * 1024 + 1)));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(json(refused).get("errors").get(0).get("field").asText()).isEqualTo("files[0]");
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(json(get("/api/appeals/" + id + "/documents", userA))).isEmpty();
    }

    @Test
    void aSupplementThatFailsLeavesNoDocumentAndNoUploadBehind() throws Exception {
        UUID id = fileAndWait(userA, "补充材料");
        byte[] receipt = "供电公司受理回执 2026-0131\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> stale = send(
                "/api/appeals/" + id + "/supplements",
                userA,
                "\"7\"",
                new MultipartBody()
                        .json("supplement", Map.of("text", "回执"))
                        .file("files", "回执.txt", "text/plain", receipt));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(get("/api/appeals/" + id + "/documents", userA))).isEmpty();
        assertThat(store.list("appeals/pending/")).isEmpty();

        HttpResponse<String> supplemented = send(
                "/api/appeals/" + id + "/supplements",
                userA,
                "\"0\"",
                new MultipartBody()
                        .json("supplement", Map.of("text", "回执"))
                        .file("files", "../../回执.txt", "text/plain", receipt));
        assertThat(supplemented.statusCode()).as(supplemented.body()).isEqualTo(200);
        assertThat(supplemented.headers().firstValue("ETag")).hasValue("\"2\"");
        JsonNode documents = json(get("/api/appeals/" + id + "/documents", userA));
        assertThat(documents).hasSize(1);
        assertThat(documents.get(0).get("name").asText())
                .as("no folders in a name")
                .isEqualTo("回执.txt");
        assertThat(documents.get(0).get("attachedWith").asText()).isEqualTo("SUPPLEMENT");
        assertThat(store.list("appeals/pending/")).as("moved to its final key").isEmpty();
    }

    @Test
    void theSweepDeletesUploadsNoEventRecordedAndFinishesThoseThatOneDid() {
        // two uploads whose requests died after storing them: one before its command, one after it
        Documents documents = new Documents(store, limits, "appeals", Clock.systemUTC());
        DocumentRef abandoned = documents.upload(
                new MockMultipartFile("files", "遗留.txt", "text/plain", "半途而废".getBytes(StandardCharsets.UTF_8)),
                "files[0]");
        DocumentRef recorded = documents.upload(
                new MockMultipartFile("files", "已记录.txt", "text/plain", "已提交".getBytes(StandardCharsets.UTF_8)),
                "files[0]");
        assertThat(store.list("appeals/pending/")).hasSize(2);

        Documents now = new Documents(store, limits, "appeals", Clock.systemUTC());
        assertThat(now.sweep(id -> false))
                .as("both are still within the grace period")
                .isZero();

        Documents later = new Documents(
                store,
                limits,
                "appeals",
                Clock.offset(Clock.systemUTC(), limits.pendingGrace().plusMinutes(1)));
        int deleted = later.sweep(id -> id.equals(recorded.documentId()));

        assertThat(deleted).isEqualTo(1);
        assertThat(store.list("appeals/pending/")).isEmpty();
        assertThat(store.open("appeals/documents/" + recorded.documentId())).isPresent();
        assertThat(store.open("appeals/documents/" + abandoned.documentId())).isEmpty();
    }

    /** A minimal PDF header followed by filler, {@code size} bytes long. */
    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ' ');
        byte[] header = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << >> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, bytes, 0, header.length);
        for (int i = header.length; i < size; i += 997) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    private HttpResponse<String> send(String path, String token, String ifMatch, MultipartBody body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", body.contentType())
                .POST(body.publisher());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> download(UUID appeal, String document, String token)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri("/api/appeals/" + appeal + "/documents/" + document))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
