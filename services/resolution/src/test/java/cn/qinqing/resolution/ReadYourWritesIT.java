package cn.qinqing.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.Urgency;
import cn.qinqing.testsupport.HttpApi;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0008: every create and update of the resolution API (the case file's seven and the calendar's load) is read back
 * straight after its 2xx — no sleep, no polling — at the version of the ETag it returned, at its Location and in its
 * lists, and the next If-Match write with the ETag just read never meets a 409.
 */
class ReadYourWritesIT extends ResolutionApiTestBase {

    @Test
    void theDepartmentsEveryStepIsReadBackAtOnce() {
        UUID appeal = signedForAppeal(Urgency.NORMAL, Instant.now());
        String path = "/api/resolution/case-files/" + appeal;

        var note = write(path, "/notes", official, Map.of("text", "已电话联系企业", "visibleToEnterprise", true));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        assertThat(read(path).header("ETag")).isEqualTo(note.header("ETag"));
        assertThat(api.get(path + "/notes").token(official).send().json().findValuesAsText("text"))
                .containsExactly("已电话联系企业");
        assertThat(api.get(withoutFragment(note.header("Location")))
                        .token(official)
                        .send()
                        .json()
                        .findValuesAsText("noteId"))
                .as("the notes at the Location just given")
                .containsExactly(note.json().get("id").asText());

        var paused = write(path, "/pause", official, Map.of("reason", "等待企业补充材料"));
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(read(path).header("ETag")).isEqualTo(paused.header("ETag"));
        assertThat(read(path).json().get("status").asText()).isEqualTo("PAUSED");

        var resumed = write(path, "/resumption", official, null);
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(read(path).json().get("status").asText()).isEqualTo("OPEN");

        Instant due = Instant.parse(read(path).json().get("resolutionDueAt").asText());
        var requested = write(
                path,
                "/extension-requests",
                official,
                Map.of("requestedDueAt", due.plusSeconds(7 * 86400).toString(), "reason", "需要现场勘查"));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        assertThat(api.get(withoutFragment(requested.header("Location")))
                        .token(head)
                        .send()
                        .json()
                        .findValuesAsText("requestId"))
                .containsExactly(requested.json().get("id").asText());
        String requestId = requested.json().get("id").asText();
        var granted = write(path, "/extension-requests/" + requestId + "/decision", head, Map.of("grant", true));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(Instant.parse(read(path).json().get("resolutionDueAt").asText()))
                .isEqualTo(due.plusSeconds(7 * 86400));

        var answered = write(path, "/answer", official, Map.of("answer", "已协调完成", "outcome", "SOLVED"));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        var afterAnswer = read(path);
        assertThat(afterAnswer.header("ETag")).isEqualTo(answered.header("ETag"));
        assertThat(afterAnswer.json().get("status").asText()).isEqualTo("ANSWERED");
        assertListedAs(appeal, "ANSWERED");

        var signedOff = write(path, "/sign-off", head, null);
        assertThat(signedOff.status()).as(signedOff.toString()).isEqualTo(200);
        assertThat(read(path).header("ETag")).isEqualTo(signedOff.header("ETag"));
    }

    @Test
    void aDeniedExtensionIsReadBackAtOnce() {
        UUID appeal = signedForAppeal(Urgency.URGENT, Instant.now());
        String path = "/api/resolution/case-files/" + appeal;
        Instant due = Instant.parse(read(path).json().get("resolutionDueAt").asText());

        var requested = write(
                path,
                "/extension-requests",
                official,
                Map.of("requestedDueAt", due.plusSeconds(30 * 86400).toString(), "reason", "需要会商"));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        assertThat(read(path).header("ETag")).isEqualTo(requested.header("ETag"));
        String requestId = requested.json().get("id").asText();

        var denied = write(
                path,
                "/extension-requests/" + requestId + "/decision",
                head,
                Map.of("grant", false, "reason", "时限内可以办结"));
        assertThat(denied.status()).as(denied.toString()).isEqualTo(200);
        assertThat(read(path).header("ETag")).isEqualTo(denied.header("ETag"));
        assertThat(api.get(path + "/extension-requests")
                        .token(head)
                        .send()
                        .json()
                        .findValuesAsText("denialReason"))
                .containsExactly("时限内可以办结");
        assertThat(Instant.parse(read(path).json().get("resolutionDueAt").asText()))
                .isEqualTo(due);
        assertListedAs(appeal, "OPEN");
    }

    @Test
    void aCalendarYearLoadedIsInForceAtOnce() {
        // a year no other test loads; the load is an event published without a command
        var loaded = api.put("/api/resolution/calendar/2041")
                .token(admin)
                .body(
                        """
                        {"year": 2041, "provisional": false, "source": "即读测试通知",
                         "holidays": [{"name": "元旦", "from": "2041-01-01", "to": "2041-01-01"}],
                         "makeUpWorkingDays": ["2041-01-05"]}
                        """)
                .send();
        assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);

        var year = api.get("/api/resolution/calendar?year=2041")
                .token(official)
                .send()
                .json();
        assertThat(year.get("origin").asText()).as("GET straight after the PUT").isEqualTo("LOADED");
        assertThat(year.get("source").asText()).isEqualTo("即读测试通知");
        assertThat(api.get("/api/resolution/calendar")
                        .token(official)
                        .send()
                        .json()
                        .findValuesAsText("year"))
                .contains("2041");
    }

    /** A create's Location names the item in its list with a fragment: the list is what a GET reads. */
    private static String withoutFragment(String location) {
        return location.replaceFirst("#.*$", "");
    }

    /** The case file is in the list of case files, at once, in its new status. */
    private void assertListedAs(UUID appeal, String status) {
        var list = api.get("/api/resolution/case-files").token(official).send().json();
        assertThat(list.findValues("appealId").stream().map(id -> id.asText()).toList())
                .contains(appeal.toString());
        list.forEach(item -> {
            if (item.path("appealId").asText().equals(appeal.toString())) {
                assertThat(item.get("status").asText()).isEqualTo(status);
            }
        });
    }

    /** A write with If-Match taken from a read straight before it. */
    private HttpApi.Response write(String path, String action, String token, Map<String, Object> body) {
        var request = api.post(path + action)
                .token(token)
                .header("If-Match", read(path).header("ETag"));
        return body == null ? request.send() : request.body(body).send();
    }

    private HttpApi.Response read(String path) {
        return api.get(path).token(official).send();
    }
}
