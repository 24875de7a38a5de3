package cn.qinqing.resolution.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.Urgency;
import cn.qinqing.platform.documents.ObjectStore;
import cn.qinqing.resolution.ResolutionApiTestBase;
import cn.qinqing.testsupport.ContractSamples;
import cn.qinqing.testsupport.MultipartBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Documents officials attach to notes, extension requests and the answer (ADR 0009), against a real s3proxy and the
 * real database: the bytes come back identical, the enterprise reads the answer's and the visible notes' files but
 * never an internal note's, another enterprise gets 404, types are decided by content (415) and sizes limited (413).
 */
class CaseFileDocumentsIT extends ResolutionApiTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String enterpriseB = tokens.enterprise("user-b", "91150200MA0QB0002X");

    @Autowired
    private ObjectStore store;

    @Test
    void theAnswersFileReachesTheEnterpriseByteIdenticalAndNoOtherEnterprise() throws Exception {
        UUID appealId = signedForAppeal(Urgency.NORMAL, Instant.now());
        byte[] reply = pdf(150_000);

        HttpResponse<String> answered = send(
                "/api/resolution/case-files/" + appealId + "/answer",
                official,
                etag(version(appealId)),
                new MultipartBody()
                        .json("answer", Map.of("outcome", "SOLVED", "answer", "已完成增容，详见批复。"))
                        .file("files", "增容批复.pdf", "application/octet-stream", reply));

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(eventTypes(caseFile(appealId)))
                .as("the answer and its documents, in one commit")
                .last()
                .asString()
                .endsWith("CaseFileDocumentsAttachedEvent");
        long version = json(answered).get("version").asLong();
        awaitVersion(appealId, version);

        JsonNode documents = json(get("/api/resolution/case-files/" + appealId + "/documents", enterprise));
        assertThat(documents).hasSize(1);
        JsonNode document = documents.get(0);
        assertThat(document.get("name").asText()).isEqualTo("增容批复.pdf");
        assertThat(document.get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(document.get("attachedTo").asText()).isEqualTo("ANSWER");
        assertThat(document.get("sha256").asText()).isEqualTo(sha256(reply));

        HttpResponse<byte[]> download =
                download(appealId, document.get("documentId").asText(), enterprise);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(reply);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValue(
                        "attachment; filename=\"____.pdf\"; filename*=UTF-8''%E5%A2%9E%E5%AE%B9%E6%89%B9%E5%A4%8D.pdf");
        assertThat(download(appealId, document.get("documentId").asText(), official)
                        .body())
                .isEqualTo(reply);

        assertThat(download(appealId, document.get("documentId").asText(), enterpriseB)
                        .statusCode())
                .as("another enterprise learns nothing")
                .isEqualTo(404);
        assertThat(get("/api/resolution/case-files/" + appealId + "/documents", enterpriseB)
                        .statusCode())
                .isEqualTo(404);
        assertThat(download(appealId, document.get("documentId").asText(), officialLand)
                        .statusCode())
                .as("another department's official")
                .isEqualTo(404);
        assertThat(store.list("resolution/pending/"))
                .as("moved to its final key")
                .isEmpty();
    }

    @Test
    void anInternalNotesFileIsNeverShownToTheEnterpriseButAVisibleNotesIs() throws Exception {
        UUID appealId = signedForAppeal(Urgency.NORMAL, Instant.now());
        byte[] memo = "内部协调纪要：供电公司需市政配合。\n".getBytes(StandardCharsets.UTF_8);
        byte[] photo = png();

        HttpResponse<String> internal = send(
                "/api/resolution/case-files/" + appealId + "/notes",
                official,
                etag(version(appealId)),
                new MultipartBody()
                        .json("note", Map.of("text", "内部协调", "visibleToEnterprise", false))
                        .file("files", "内部纪要.txt", "text/plain", memo));
        assertThat(internal.statusCode()).as(internal.body()).isEqualTo(201);
        long afterInternal = json(internal).get("version").asLong();

        HttpResponse<String> visible = send(
                "/api/resolution/case-files/" + appealId + "/notes",
                official,
                etag(afterInternal),
                new MultipartBody()
                        .json("note", Map.of("text", "现场勘察照片", "visibleToEnterprise", true))
                        .file("files", "现场.png", "image/png", photo));
        assertThat(visible.statusCode()).as(visible.body()).isEqualTo(201);
        long afterVisible = json(visible).get("version").asLong();

        HttpResponse<String> extension = send(
                "/api/resolution/case-files/" + appealId + "/extension-requests",
                official,
                etag(afterVisible),
                new MultipartBody()
                        .json(
                                "extension",
                                Map.of(
                                        "requestedDueAt",
                                        Instant.now().plus(Duration.ofDays(60)).toString(),
                                        "reason",
                                        "需协调市政道路开挖许可"))
                        .file("files", "开挖许可申请.txt", "text/plain", memo));
        assertThat(extension.statusCode()).as(extension.body()).isEqualTo(201);
        awaitVersion(appealId, json(extension).get("version").asLong());

        JsonNode staff = json(get("/api/resolution/case-files/" + appealId + "/documents", official));
        ContractSamples.verify("resolution", "case-file-documents", staff);
        assertThat(staff)
                .extracting(d -> d.get("attachedTo").asText())
                .containsExactlyInAnyOrder("NOTE", "NOTE", "EXTENSION_REQUEST");

        JsonNode forEnterprise = json(get("/api/resolution/case-files/" + appealId + "/documents", enterprise));
        assertThat(forEnterprise).extracting(d -> d.get("name").asText()).containsExactly("现场.png");
        assertThat(download(appealId, forEnterprise.get(0).get("documentId").asText(), enterprise)
                        .body())
                .isEqualTo(photo);
        for (JsonNode document : staff) {
            if (!document.get("visibleToEnterprise").asBoolean()) {
                assertThat(download(appealId, document.get("documentId").asText(), enterprise)
                                .statusCode())
                        .as("an internal file is not there for the enterprise")
                        .isEqualTo(404);
                assertThat(download(appealId, document.get("documentId").asText(), official)
                                .body())
                        .isEqualTo(memo);
            }
        }
    }

    @Test
    void aFileWhoseContentIsNotAnAcceptedTypeIsRefusedAndNothingChanges() throws Exception {
        UUID appealId = signedForAppeal(Urgency.NORMAL, Instant.now());
        long version = version(appealId);
        byte[] program = new byte[4096];
        program[0] = 'M';
        program[1] = 'Z';

        HttpResponse<String> refused = send(
                "/api/resolution/case-files/" + appealId + "/answer",
                official,
                etag(version),
                new MultipartBody()
                        .json("answer", Map.of("outcome", "SOLVED", "answer", "见附件"))
                        .file("files", "批复.pdf", "application/pdf", program));

        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode error = json(refused).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("files[0]");
        assertThat(error.get("message").asText()).startsWith("is of type").contains("批复.pdf");
        assertThat(version(appealId)).as("not answered").isEqualTo(version);
        assertThat(store.list("resolution/pending/")).isEmpty();
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413() throws Exception {
        UUID appealId = signedForAppeal(Urgency.NORMAL, Instant.now());
        long version = version(appealId);

        HttpResponse<String> refused = send(
                "/api/resolution/case-files/" + appealId + "/notes",
                official,
                etag(version),
                new MultipartBody()
                        .json("note", Map.of("text", "扫描件", "visibleToEnterprise", true))
                        .file("files", "scan.pdf", "application/pdf", pdf(20 * 1024 * 1024 + 1)));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(json(refused).get("errors").get(0).get("field").asText()).isEqualTo("files[0]");
        assertThat(version(appealId)).isEqualTo(version);
        assertThat(json(get("/api/resolution/case-files/" + appealId + "/documents", official)))
                .isEmpty();
    }

    @Test
    void aStepThatFailsLeavesNoDocumentAndNoUploadBehind() throws Exception {
        UUID appealId = signedForAppeal(Urgency.NORMAL, Instant.now());

        HttpResponse<String> stale = send(
                "/api/resolution/case-files/" + appealId + "/answer",
                official,
                etag(version(appealId) + 5),
                new MultipartBody()
                        .json("answer", Map.of("outcome", "SOLVED", "answer", "见附件"))
                        .file("files", "回执.txt", "text/plain", "回执".getBytes(StandardCharsets.UTF_8)));

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(store.list("resolution/pending/")).isEmpty();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> json(get(
                        "/api/resolution/case-files/" + appealId + "/documents", official))
                .isEmpty());
    }

    private static UUID caseFile(UUID appealId) {
        return cn.qinqing.resolution.casefile.command.CaseFile.idOf(appealId);
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

    /** The 8-byte PNG signature and an IHDR chunk: enough for detection by content. */
    private static byte[] png() {
        byte[] bytes = new byte[64];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(head, 0, bytes, 0, head.length);
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

    private HttpResponse<byte[]> download(UUID appealId, String document, String token)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri("/api/resolution/case-files/" + appealId + "/documents/" + document))
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
