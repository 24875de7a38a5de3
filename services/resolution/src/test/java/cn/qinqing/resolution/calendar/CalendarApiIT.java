package cn.qinqing.resolution.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.resolution.ResolutionApiTestBase;
import org.junit.jupiter.api.Test;

class CalendarApiIT extends ResolutionApiTestBase {

    static final String OFFICIAL_2030 =
            """
            {"year": 2030, "provisional": false, "source": "测试通知（国办发明电〔2029〕1号）",
             "holidays": [{"name": "元旦", "from": "2030-01-01", "to": "2030-01-01"}],
             "makeUpWorkingDays": ["2030-01-05"]}
            """;

    @Test
    void anyoneSignedInSeesTheCalendarInForce() {
        var year =
                api.get("/api/resolution/calendar?year=2026").token(enterprise).send();

        assertThat(year.status()).isEqualTo(200);
        assertThat(year.json().get("provisional").asBoolean()).isFalse();
        assertThat(year.json().get("source").asText()).contains("国办发明电〔2025〕7号");
        assertThat(year.json().get("makeUpWorkingDays").toString()).contains("2026-02-14", "2026-02-28");
        assertThat(year.json().get("workingHours").toString()).contains("09:00–12:00", "13:30–17:30");

        var provisional =
                api.get("/api/resolution/calendar?year=2027").token(official).send();
        assertThat(provisional.json().get("provisional").asBoolean()).isTrue();

        var all = api.get("/api/resolution/calendar").token(official).send();
        assertThat(all.json().findValuesAsText("year")).contains("2025", "2026", "2027");
        assertThat(api.get("/api/resolution/calendar").send().status()).isEqualTo(401);
    }

    @Test
    void anAdminLoadsAYearAndItIsInForceFromThen() {
        var loaded = api.put("/api/resolution/calendar/2030")
                .token(admin)
                .body(OFFICIAL_2030)
                .send();

        assertThat(loaded.status()).isEqualTo(200);
        await().until(() -> "LOADED"
                .equals(api.get("/api/resolution/calendar?year=2030")
                        .token(official)
                        .send()
                        .json()
                        .get("origin")
                        .asText()));
        var year = api.get("/api/resolution/calendar?year=2030")
                .token(official)
                .send()
                .json();
        assertThat(year.get("provisional").asBoolean()).isFalse();
        assertThat(year.get("holidays").get(0).get("name").asText()).isEqualTo("元旦");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type = ?",
                        Long.class,
                        "cn.qinqing.language.calendar.WorkingCalendarLoadedEvent"))
                .isPositive();
    }

    @Test
    void onlyAnAdminLoadsAndOnlyValidData() {
        assertThat(api.put("/api/resolution/calendar/2030")
                        .token(official)
                        .body(OFFICIAL_2030)
                        .send()
                        .status())
                .isEqualTo(403);
        var wrongYear = api.put("/api/resolution/calendar/2031")
                .token(admin)
                .body(OFFICIAL_2030)
                .send();
        assertThat(wrongYear.status()).isEqualTo(400);
        assertThat(wrongYear.json().get("errors").findValuesAsText("field")).contains("year");
        var invalid = api.put("/api/resolution/calendar/2030")
                .token(admin)
                .body(
                        """
                        {"year": 2030, "source": "x", "makeUpWorkingDays": ["2030-01-02", "2030-13-01"]}
                        """)
                .send();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text()).contains("2030-13-01");
        assertThat(api.put("/api/resolution/calendar/2030")
                        .token(admin)
                        .body("{oops")
                        .send()
                        .status())
                .isEqualTo(400);
    }
}
