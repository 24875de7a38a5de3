package cn.qinqing.resolution.slatier;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.resolution.ResolutionApiTestBase;
import cn.qinqing.testsupport.ContractSamples;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SLA tiers against real PostgreSQL: an administrator sets one, it is in force for the cases that begin afterwards
 * and no running deadline moves; bad settings are refused field by field and change nothing; the history names who,
 * when, why. LOGISTICS is this test's own category: no other test of this context files one, so no other due date
 * changes.
 */
class SlaTierApiIT extends ResolutionApiTestBase {

    static final String TIERS = "/api/resolution/sla-tiers";
    static final String BASIS = "包头市优化营商环境工作领导小组办公室关于压缩物流类诉求办理时限的通知（测试）";

    static LocalDate today() {
        return LocalDate.now(WorkingCalendar.ZONE);
    }

    static Map<String, Object> setting(Object firstContact, Object resolution, Object from, String basis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstContactDays", firstContact);
        body.put("resolutionDays", resolution);
        body.put("effectiveFrom", from);
        body.put("basis", basis);
        return body;
    }

    JsonNode row(String category, String urgency) {
        for (JsonNode row : api.get(TIERS).token(admin).send().json()) {
            if (row.get("category").asText().equals(category)
                    && row.get("urgency").asText().equals(urgency)) {
                return row;
            }
        }
        throw new AssertionError("no row " + category + "/" + urgency);
    }

    JsonNode caseFile(UUID appealId) {
        return api.get("/api/resolution/case-files/" + appealId)
                .token(official)
                .send()
                .json();
    }

    @Test
    void anAppealSignedForAfterATierChangeGetsTheNewDeadlineAndOneBeforeKeepsItsOwn() {
        JsonNode before = row("LOGISTICS", "NORMAL");
        assertThat(before.get("origin").asText()).isEqualTo("DEFAULT");
        assertThat(before.get("firstContactDays").asInt()).isEqualTo(1);
        assertThat(before.get("resolutionDays").asInt()).isEqualTo(15);

        // in microseconds, as PostgreSQL keeps the read model's instants: this clock gives nanoseconds
        Instant earlier = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID earlierAppeal = signedForAppeal(AppealCategory.LOGISTICS, Urgency.NORMAL, earlier);
        JsonNode earlierCase = caseFile(earlierAppeal);

        Map<String, Object> tier = setting(2, 3, today().toString(), BASIS);
        tier.put("dispatchHours", 4);
        tier.put("signForDays", 2);
        var set = api.put(TIERS + "/LOGISTICS/NORMAL").token(admin).body(tier).send();
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("version").asLong()).isZero();

        Instant later = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID laterAppeal = signedForAppeal(AppealCategory.LOGISTICS, Urgency.NORMAL, later);

        WorkingCalendar calendar = WorkingCalendar.bundled();
        JsonNode laterCase = caseFile(laterAppeal);
        assertThat(Instant.parse(laterCase.get("firstContactDueAt").asText()))
                .isEqualTo(calendar.addWorkingTime(later, Duration.ofHours(14)));
        assertThat(Instant.parse(laterCase.get("resolutionDueAt").asText()))
                .isEqualTo(calendar.addWorkingTime(later, Duration.ofHours(21)));
        JsonNode earlierNow = caseFile(earlierAppeal);
        assertThat(earlierNow.get("resolutionDueAt").asText())
                .isEqualTo(earlierCase.get("resolutionDueAt").asText());
        assertThat(Instant.parse(earlierNow.get("resolutionDueAt").asText()))
                .isEqualTo(calendar.addWorkingTime(earlier, Duration.ofHours(7 * 15)));

        // an urgent appeal of the same category has no tier: the defaults
        UUID urgent = signedForAppeal(AppealCategory.LOGISTICS, Urgency.URGENT, Instant.now());
        assertThat(Instant.parse(caseFile(urgent).get("resolutionDueAt").asText()))
                .isAfter(calendar.addWorkingTime(Instant.now(), Duration.ofHours(7 * 4)));

        // the portal reads both answers: its copies are held to them (ServiceContractsTest)
        ContractSamples.verify(
                "resolution", "sla-tiers", api.get(TIERS).token(admin).send().json());
        ContractSamples.verify(
                "resolution",
                "sla-tier-history",
                api.get(TIERS + "/history").token(admin).send().json());

        JsonNode after = row("LOGISTICS", "NORMAL");
        assertThat(after.get("origin").asText()).isEqualTo("TIER");
        assertThat(after.get("resolutionDays").asInt()).isEqualTo(3);
        assertThat(after.get("dispatchHours").asInt()).isEqualTo(4);
        assertThat(after.get("signForDays").asInt()).isEqualTo(2);
        assertThat(after.get("defaultResolutionDays").asInt()).isEqualTo(15);
        assertThat(after.get("latest").get("version").asLong()).isZero();

        // a supervisor reads the history: who, when, why, from when
        var history = api.get(TIERS + "/history?category=LOGISTICS&urgency=NORMAL")
                .token(supervisor)
                .send();
        assertThat(history.status()).isEqualTo(200);
        JsonNode latest = history.json().get(0);
        assertThat(latest.get("setBy").asText()).isEqualTo("admin");
        assertThat(latest.get("basis").asText()).isEqualTo(BASIS);
        assertThat(latest.get("effectiveFrom").asText()).isEqualTo(today().toString());
        assertThat(latest.get("firstContactDays").asInt()).isEqualTo(2);

        // a change at a stale version is refused; at the version read, it is the next setting
        var stale = api.put(TIERS + "/LOGISTICS/NORMAL")
                .token(admin)
                .header("If-Match", "\"7\"")
                .body(setting(1, 4, today().toString(), BASIS))
                .send();
        assertThat(stale.status()).isEqualTo(409);
        var changed = api.put(TIERS + "/LOGISTICS/NORMAL")
                .token(admin)
                .header("If-Match", "\"0\"")
                .body(setting(1, 4, today().plusDays(30).toString(), BASIS))
                .send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("version").asLong()).isEqualTo(1);
        JsonNode scheduled = row("LOGISTICS", "NORMAL");
        assertThat(scheduled.get("resolutionDays").asInt())
                .as("a setting effective in 30 days is not in force yet")
                .isEqualTo(3);
        assertThat(scheduled.get("latest").get("resolutionDays").asInt()).isEqualTo(4);
    }

    @Test
    void badSettingsAreRefusedFieldByFieldAndChangeNothing() {
        long settings = count();
        String today = today().toString();

        assertRefused("FINANCE", "URGENT", setting(0, -2, today, BASIS), "firstContactDays", "resolutionDays");
        assertRefused("FINANCE", "URGENT", setting(3, 2, today, BASIS), "resolutionDays");
        assertRefused("WEATHER", "URGENT", setting(1, 2, today, BASIS), "category");
        assertRefused("FINANCE", "SOMEDAY", setting(1, 2, today, BASIS), "urgency");
        assertRefused("FINANCE", "URGENT", setting(1, 2, today().minusDays(1).toString(), BASIS), "effectiveFrom");
        assertRefused("FINANCE", "URGENT", setting(1, 2, "2027-13-01", BASIS), "effectiveFrom");
        assertRefused("FINANCE", "URGENT", setting(1, 2, today, " "), "basis");
        assertRefused("FINANCE", "URGENT", setting(null, 2, today, BASIS), "firstContactDays");
        Map<String, Object> noHours = setting(1, 2, today, BASIS);
        noHours.put("dispatchHours", 0);
        noHours.put("signForDays", -1);
        assertRefused("FINANCE", "URGENT", noHours, "dispatchHours", "signForDays");

        assertThat(count()).isEqualTo(settings);
        assertThat(row("FINANCE", "URGENT").get("origin").asText()).isEqualTo("DEFAULT");
    }

    @Test
    void onlyAnAdministratorSetsTiersAndSupervisorsAndLeadersReadThem() {
        var body = setting(1, 2, today().toString(), BASIS);
        assertThat(api.put(TIERS + "/TALENT/URGENT")
                        .token(supervisor)
                        .body(body)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.put(TIERS + "/TALENT/URGENT")
                        .token(official)
                        .body(body)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get(TIERS).token(leader).send().status()).isEqualTo(200);
        assertThat(api.get(TIERS).token(supervisor).send().status()).isEqualTo(200);
        assertThat(api.get(TIERS).token(official).send().status()).isEqualTo(403);
        assertThat(api.get(TIERS).token(enterprise).send().status()).isEqualTo(403);
        assertThat(row("TALENT", "URGENT").get("origin").asText()).isEqualTo("DEFAULT");
    }

    private void assertRefused(String category, String urgency, Map<String, Object> body, String... fields) {
        var refused = api.put(TIERS + "/" + category + "/" + urgency)
                .token(admin)
                .body(body)
                .send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("errors").toString()).contains(fields);
    }

    private long count() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type LIKE '%SlaTierSetEvent'",
                Long.class);
    }
}
