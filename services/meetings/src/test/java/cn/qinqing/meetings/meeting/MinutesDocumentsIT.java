package cn.qinqing.meetings.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.meeting.AgendaItem;
import cn.qinqing.language.meeting.AgendaPublishedEvent;
import cn.qinqing.language.meeting.InvitationSelection;
import cn.qinqing.language.meeting.InvitationSentEvent;
import cn.qinqing.language.meeting.MeetingScheduledEvent;
import cn.qinqing.meetings.MeetingsApiTestBase;
import cn.qinqing.platform.documents.ObjectStore;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Documents the host attaches to a meeting's minutes (ADR 0009), against a real s3proxy and the real database: read by
 * whoever may read the minutes (an invited enterprise once they are published), byte-identical; refused by type (415)
 * and for anyone but the host; another enterprise gets 404.
 */
class MinutesDocumentsIT extends MeetingsApiTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private ObjectStore store;

    @Test
    void theMinutesFilesAreReadByWhoeverMayReadTheMinutes() throws Exception {
        UUID id = heldWithAgenda();
        byte[] sheet = "签到：王经理、李处长\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> drafted = send(
                "PUT",
                "/api/meetings/" + id + "/minutes",
                leader,
                "\"2\"",
                new MultipartBody()
                        .json("minutes", MeetingsApiIT.minutes())
                        .file("files", "签到表.txt", "text/plain", sheet));
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(200);
        long version = json(drafted).get("version").asLong();
        assertThat(version).as("the draft and its documents").isEqualTo(4);
        awaitVersion(id, version);

        JsonNode documents = json(get("/api/meetings/" + id + "/minutes/documents", leader));
        assertThat(documents).hasSize(1);
        ContractSamples.verify("meetings", "minutes-documents", documents);
        String documentId = documents.get(0).get("documentId").asText();
        assertThat(documents.get(0).get("name").asText()).isEqualTo("签到表.txt");
        assertThat(download(id, documentId, supervisor).body()).isEqualTo(sheet);
        assertThat(download(id, documentId, userA).statusCode())
                .as("an enterprise does not read a draft")
                .isEqualTo(404);

        HttpResponse<String> published =
                send("POST", "/api/meetings/" + id + "/minutes/publication", leader, "\"" + version + "\"", null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        await().until(() -> download(id, documentId, userA).statusCode() == 200);

        HttpResponse<byte[]> download = download(id, documentId, userA);
        assertThat(download.body()).isEqualTo(sheet);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).contains("filename*=UTF-8''"));
        assertThat(download(id, documentId, userB).statusCode())
                .as("an enterprise not invited learns nothing")
                .isEqualTo(404);
        assertThat(get("/api/meetings/" + id + "/minutes/documents", userB).statusCode())
                .isEqualTo(404);
        assertThat(store.list("meetings/pending/")).isEmpty();
    }

    @Test
    void onlyTheHostAttachesAndOnlyAcceptedTypes() throws Exception {
        UUID id = heldWithAgenda();
        long before = eventCount();
        byte[] program = new byte[2048];
        program[0] = 'M';
        program[1] = 'Z';

        HttpResponse<String> refused = send(
                "PUT",
                "/api/meetings/" + id + "/minutes",
                leader,
                "\"2\"",
                new MultipartBody()
                        .json("minutes", MeetingsApiIT.minutes())
                        .file("files", "纪要.pdf", "application/pdf", program));
        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(json(refused).get("errors").get(0).get("field").asText()).isEqualTo("files[0]");

        HttpResponse<String> notHost = send(
                "PUT",
                "/api/meetings/" + id + "/minutes",
                otherLeader,
                "\"2\"",
                new MultipartBody()
                        .json("minutes", MeetingsApiIT.minutes())
                        .file("files", "纪要.txt", "text/plain", "纪要".getBytes(StandardCharsets.UTF_8)));
        assertThat(notHost.statusCode()).isEqualTo(403);

        assertThat(eventCount()).isEqualTo(before);
        assertThat(store.list("meetings/pending/")).isEmpty();
    }

    /** A meeting held yesterday, enterprise A invited, its agenda published: version 2, ready for minutes. */
    private UUID heldWithAgenda() {
        Instant held = Instant.now().minus(Duration.ofDays(1));
        Instant ends = held.plus(Duration.ofMinutes(90));
        UUID id = UUID.randomUUID();
        append(
                "BreakfastMeeting",
                id.toString(),
                0,
                new MeetingScheduledEvent(
                        id,
                        "leader",
                        "纪要附件",
                        "市政府",
                        held,
                        ends,
                        10,
                        List.of("industry-it"),
                        held.minus(Duration.ofDays(1)),
                        held.minus(Duration.ofDays(10))));
        append(
                "BreakfastMeeting",
                id.toString(),
                1,
                new InvitationSentEvent(id, ENTERPRISE_A, InvitationSelection.BY_HAND, held.minus(Duration.ofDays(9))));
        append(
                "BreakfastMeeting",
                id.toString(),
                2,
                new AgendaPublishedEvent(
                        id,
                        List.of(new AgendaItem(1, "切片车间增容", held, ends, "industry-it", null)),
                        held.minus(Duration.ofDays(2))));
        awaitVersion(id, 2);
        return id;
    }

    private HttpResponse<String> send(String method, String path, String token, String ifMatch, MultipartBody body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", body.contentType()).method(method, body.publisher());
        }
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

    private HttpResponse<byte[]> download(UUID meeting, String document, String token)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri("/api/meetings/" + meeting + "/minutes/documents/" + document))
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
}
