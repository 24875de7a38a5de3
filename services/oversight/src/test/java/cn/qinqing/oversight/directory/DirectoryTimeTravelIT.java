package cn.qinqing.oversight.directory;

import static cn.qinqing.oversight.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.calendar.Holiday;
import cn.qinqing.oversight.OversightApiTestBase;
import cn.qinqing.oversight.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Time travel is honest about the directory and the working calendar: as of 3 June 2024 an answer uses the names,
 * the chain of command and the calendar the store had recorded by then, although on 1 July 2024 an admin renamed
 * the department, moved it under another bureau, moved its head to another department, and loaded a corrected
 * calendar for 2024 that makes Wednesday 8 May a holiday.
 *
 * <ul>
 *   <li>Department D, "老名字科" under bureau P1 (headed by L1), headed by H (under L1). From 1 July: "新名字科"
 *       under P2 (headed by L2), headed by H2 (under L2); H heads D2.
 *   <li>Appeal A: signed for in time by D on 6 May, case file due 10 May 17:30, never answered: overdue, escalated
 *       to D's head — H as of 3 June, H2 now.
 *   <li>Appeal B: D held it from 7 May 09:00 until its answer on 9 May 09:00: two working days (840 minutes) by the
 *       first calendar, one (420 minutes) by the corrected one.
 * </ul>
 */
class DirectoryTimeTravelIT extends OversightApiTestBase {

    static final Instant BEFORE = at("2024-06-03 09:00");
    static final Instant CHANGED = at("2024-07-01 09:00");

    static Scenario scenario;
    static String p1;
    static String p2;
    static String d;
    static String d2;
    static String l1;
    static String h;
    static String h2;
    static UUID a;
    static UUID b;

    @BeforeEach
    void publishOnce() {
        if (scenario != null) {
            return;
        }
        scenario = scenario();
        p1 = scenario.id("p1");
        p2 = scenario.id("p2");
        d = scenario.id("d");
        d2 = scenario.id("d2");
        String mayor = scenario.id("m");
        l1 = scenario.id("l1");
        String l2 = scenario.id("l2");
        h = scenario.id("h");
        h2 = scenario.id("h2");
        Instant registered = at("2024-05-06 08:00");
        scenario.department(p1, "一局", "city", registered)
                .department(p2, "二局", "city", registered)
                .department(d, "老名字科", p1, registered)
                .department(d2, "另一科", p2, registered)
                .leader(mayor, "副市长", null, null, registered)
                .leader(l1, "一局局长", p1, mayor, registered)
                .leader(l2, "二局局长", p2, mayor, registered)
                .leader(h, "科长甲", d, l1, registered)
                .calendarLoaded(2024, "第一版", List.of(), List.of(), registered);
        String enterprise = scenario.uscc(7);
        a = scenario.appeal(enterprise, "一直没办")
                .filed(at("2024-05-06 09:00"))
                .dispatched(d, at("2024-05-06 09:10"), at("2024-05-06 17:30"))
                .signedFor(d, at("2024-05-06 10:00"), true)
                .caseOpened(d, 1, at("2024-05-06 10:00"), at("2024-05-07 10:00"), at("2024-05-10 17:30"))
                .id;
        b = scenario.appeal(enterprise, "两天办完")
                .filed(at("2024-05-07 08:30"))
                .dispatched(d, at("2024-05-07 09:00"), at("2024-05-07 17:30"))
                .signedFor(d, at("2024-05-07 09:00"), true)
                .caseOpened(d, 1, at("2024-05-07 09:00"), at("2024-05-08 09:00"), at("2024-05-17 17:30"))
                .contacted(at("2024-05-07 10:00"))
                .submitted(d, 1, at("2024-05-09 09:00"), true)
                .answered(d, 1, at("2024-05-09 09:00"))
                .rated(1, 5, at("2024-05-10 09:00"))
                .caseClosed(d, at("2024-05-10 10:00"))
                .closed(at("2024-05-10 10:00"))
                .id;
        scenario.departmentChanged(d, "新名字科", p2, "老名字科", p1, CHANGED)
                .leaderChanged(h, "科长甲", d2, l1, l1, CHANGED)
                .leader(h2, "科长乙", d, l2, CHANGED)
                .calendarLoaded(
                        2024,
                        "第二版",
                        List.of(new Holiday("更正", LocalDate.of(2024, 5, 8), LocalDate.of(2024, 5, 8))),
                        List.of(),
                        CHANGED);
        awaitCaughtUp();
    }

    @Test
    void anAppealAsOfAnInstantShowsTheDepartmentsNameAndWhomToEscalateToAsTheyWereThen() {
        JsonNode then = state(a, BEFORE);
        JsonNode now = state(a, null);

        assertThat(then.get("departmentName").asText()).isEqualTo("老名字科");
        assertThat(escalateTo(then)).as("D's head on 3 June").isEqualTo(h);
        assertThat(now.get("departmentName").asText()).isEqualTo("新名字科");
        assertThat(escalateTo(now)).as("D's head since 1 July").isEqualTo(h2);
    }

    @Test
    void workingTimeAsOfAnInstantIsCountedByTheCalendarInForceThen() {
        JsonNode then = timeline(b, BEFORE);
        JsonNode now = timeline(b, null);

        assertThat(heldByD(then).get("workingMinutes").asLong())
                .as("7 May 09:00 to 9 May 09:00, two working days")
                .isEqualTo(840);
        assertThat(heldByD(then).get("holder").get("name").asText()).isEqualTo("老名字科");
        assertThat(calendar2024(then).get("source").asText()).isEqualTo("第一版");
        assertThat(Instant.parse(calendar2024(then).get("loadedAt").asText())).isEqualTo(at("2024-05-06 08:00"));

        assertThat(heldByD(now).get("workingMinutes").asLong())
                .as("8 May is a holiday in the corrected calendar")
                .isEqualTo(420);
        assertThat(calendar2024(now).get("source").asText()).isEqualTo("第二版");
    }

    @Test
    void aLeadersKpisAsOfAnInstantFollowTheChainOfCommandOfThatInstant() {
        JsonNode then = kpis("leader=" + l1, BEFORE).get("rows").get(0);
        JsonNode now = kpis("leader=" + l1, null).get("rows").get(0);

        assertThat(then.get("response").get("total").asLong())
                .as("D was under L1's bureau: both sign-fors count")
                .isEqualTo(2);
        assertThat(now.get("response").get("total").asLong())
                .as("D is under P2 now, and its former head heads D2")
                .isZero();

        JsonNode departmentThen =
                kpis("groupBy=DEPARTMENT&department=" + d, BEFORE).get("rows").get(0);
        JsonNode departmentNow =
                kpis("groupBy=DEPARTMENT&department=" + d, null).get("rows").get(0);
        assertThat(departmentThen.get("label").asText()).isEqualTo("老名字科");
        assertThat(departmentNow.get("label").asText()).isEqualTo("新名字科");
        assertThat(departmentNow.get("response").get("total").asLong())
                .as("the department's own figures do not move")
                .isEqualTo(2);
    }

    private JsonNode state(UUID appeal, Instant asOf) {
        var answer = api.get("/api/oversight/appeals/" + appeal + (asOf == null ? "" : "?asOf=" + asOf))
                .token(supervisor)
                .send();
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().get("state");
    }

    private JsonNode timeline(UUID appeal, Instant asOf) {
        var answer = api.get("/api/oversight/appeals/" + appeal + "/timeline" + (asOf == null ? "" : "?asOf=" + asOf))
                .token(supervisor)
                .send();
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode kpis(String query, Instant asOf) {
        var answer = api.get("/api/oversight/kpis?month=2024-05&" + query + (asOf == null ? "" : "&asOf=" + asOf))
                .token(supervisor)
                .send();
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private static String escalateTo(JsonNode state) {
        for (JsonNode item : state.get("overdue")) {
            if (item.get("kind").asText().equals("RESOLUTION")) {
                return item.get("escalateToLeaderId").asText();
            }
        }
        throw new AssertionError("no overdue resolution in " + state);
    }

    /** D's period from the dispatch to the answer (D holds it again for the close-out, after the rating). */
    private static JsonNode heldByD(JsonNode timeline) {
        for (JsonNode period : timeline.get("holderPeriods")) {
            if (period.get("holder").get("id").asText().equals(d)
                    && Instant.parse(period.get("from").asText()).equals(at("2024-05-07 09:00"))) {
                assertThat(Instant.parse(period.get("to").asText())).isEqualTo(at("2024-05-09 09:00"));
                return period;
            }
        }
        throw new AssertionError("D did not hold it from the dispatch: " + timeline.get("holderPeriods"));
    }

    private static JsonNode calendar2024(JsonNode timeline) {
        for (JsonNode year : timeline.get("calendar")) {
            if (year.get("year").asInt() == 2024) {
                return year;
            }
        }
        throw new AssertionError("no 2024 in " + timeline.get("calendar"));
    }
}
