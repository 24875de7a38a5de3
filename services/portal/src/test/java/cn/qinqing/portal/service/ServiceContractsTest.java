package cn.qinqing.portal.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.portal.appeal.Appeal;
import cn.qinqing.portal.assignment.Assignment;
import cn.qinqing.portal.assignment.Department;
import cn.qinqing.portal.assignment.HolderPeriod;
import cn.qinqing.portal.assignment.SupervisionNotice;
import cn.qinqing.portal.chain.Chain;
import cn.qinqing.portal.industry.IndustryChain;
import cn.qinqing.portal.leader.liaison.Liaison;
import cn.qinqing.portal.meeting.Meeting;
import cn.qinqing.portal.notification.NotificationsApi;
import cn.qinqing.portal.oversight.Oversight;
import cn.qinqing.portal.oversight.WhatIf;
import cn.qinqing.portal.resolution.CaseFile;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The portal's records of what the services answer, held against real answers of the services: each file under
 * {@code contracts/<service>/<name>.json} is an answer a service's own API test got (and checks it still gives, see
 * {@code ContractSamples} in the test support). Here every field a record of the portal reads must be in the sample,
 * and the sample must decode into the record as the portal's client decodes it. A renamed field on either side fails
 * a build instead of showing an empty column.
 */
class ServiceContractsTest {

    /** Which record of the portal reads which answer. */
    static final Map<String, Class<?>> CONTRACTS = Map.ofEntries(
            Map.entry("appeals/appeal", Appeal.class),
            Map.entry("assignment/assignment", Assignment.class),
            Map.entry("assignment/holders", HolderPeriod[].class),
            Map.entry("assignment/supervision-notices", SupervisionNotice[].class),
            Map.entry("assignment/departments", Department[].class),
            Map.entry("assignment/directory", cn.qinqing.portal.admin.Directory.AsOf.class),
            Map.entry("assignment/routing-rule", cn.qinqing.portal.admin.Directory.RuleHistory.class),
            Map.entry("assignment/routing-rules", cn.qinqing.portal.admin.Directory.Rule[].class),
            Map.entry("identity/clients", cn.qinqing.portal.admin.IdentityApi.Client[].class),
            Map.entry("resolution/case-file", CaseFile.class),
            Map.entry("resolution/case-file-documents", cn.qinqing.portal.resolution.CaseFileDocument[].class),
            Map.entry("meetings/minutes-documents", cn.qinqing.portal.meeting.MeetingsApi.MinutesDocument[].class),
            Map.entry("resolution/sla-tiers", cn.qinqing.portal.admin.SlaTiers.Row[].class),
            Map.entry("resolution/sla-tier-history", cn.qinqing.portal.admin.SlaTiers.Setting[].class),
            Map.entry("meetings/meeting", Meeting.Details.class),
            Map.entry("oversight/timeline", Oversight.Timeline.class),
            Map.entry("oversight/kpis", Oversight.KpiAnswer.class),
            Map.entry("oversight/overdue", Oversight.OverdueList.class),
            Map.entry("oversight/ranking-months", Oversight.Months.class),
            Map.entry("oversight/ranking", Oversight.RankingComparison.class),
            Map.entry("oversight/replay", Oversight.ReplayProgress.class),
            Map.entry("oversight/chain", Chain.class),
            Map.entry("oversight/liaison", Liaison.class),
            Map.entry("oversight/what-if-job", WhatIf.Job.class),
            Map.entry("notifications/feed", NotificationsApi.Entry[].class),
            Map.entry("notifications/preferences", NotificationsApi.Preferences.class),
            Map.entry("projects/chain", IndustryChain.class),
            Map.entry("projects/projects", cn.qinqing.portal.project.Project.View[].class),
            Map.entry("projects/market-candidates", cn.qinqing.portal.market.Market.Candidate[].class),
            Map.entry("projects/market-match", cn.qinqing.portal.market.Market.Match.class),
            Map.entry("projects/market-figures", cn.qinqing.portal.market.Market.Figures.class));

    // as Spring Boot configures the RestClient's converter: lenient on fields the portal does not read
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @TestFactory
    Stream<DynamicTest> everyAnswerThePortalReadsHasEveryFieldItsRecordReads() {
        return CONTRACTS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(contract -> DynamicTest.dynamicTest(contract.getKey(), () -> {
                    JsonNode sample = sample(contract.getKey());
                    assertThat(sample.size())
                            .as("a sample with something to hold the records against")
                            .isPositive();

                    assertThat(missing("$", contract.getValue(), sample))
                            .as(
                                    "fields the portal's %s reads that the service's answer lacks",
                                    contract.getValue().getSimpleName())
                            .isEmpty();
                    assertThat(MAPPER.treeToValue(sample, contract.getValue())).isNotNull();
                }));
    }

    @Test
    void everySampleIsReadByARecord() throws Exception {
        Path folder =
                Path.of(ServiceContractsTest.class.getResource("/contracts").toURI());
        List<String> samples;
        try (Stream<Path> files = Files.walk(folder)) {
            samples = files.filter(file -> file.toString().endsWith(".json"))
                    .map(file -> folder.relativize(file)
                            .toString()
                            .replace('\\', '/')
                            .replace(".json", ""))
                    .toList();
        }
        assertThat(samples).containsExactlyInAnyOrderElementsOf(CONTRACTS.keySet());
    }

    @Test
    void aFieldAnElementOfAListLacksIsFound() throws Exception {
        JsonNode sample = MAPPER.readTree("[{\"departmentId\": \"city\", \"name\": \"市政府\"}]");

        assertThat(missing("$", Department[].class, sample)).containsExactly("$[].parentDepartmentId");
    }

    @Test
    void aFieldTheSampleLacksIsFound() throws Exception {
        JsonNode sample = MAPPER.readTree("{\"generation\": 1, \"state\": \"IDLE\", \"requestedBy\": null}");

        assertThat(missing("$", Oversight.ReplayControl.class, sample)).containsExactly("$.requestedAt");
    }

    /**
     * The fields a record reads (recursively, through records and lists or arrays of them) that are not in the JSON.
     */
    static Set<String> missing(String path, Class<?> type, JsonNode json) {
        Set<String> missing = new TreeSet<>();
        if (type.isArray() && json != null && json.isArray()) {
            for (JsonNode item : json) {
                missing.addAll(missing(path + "[]", type.getComponentType(), item));
            }
            return missing;
        }
        if (json == null || json.isNull() || !type.isRecord()) {
            return missing;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String at = path + "." + component.getName();
            JsonNode value = json.get(component.getName());
            if (value == null) {
                missing.add(at);
                continue;
            }
            Type generic = component.getGenericType();
            if (component.getType().isRecord()) {
                missing.addAll(missing(at, component.getType(), value));
            } else if (List.class.isAssignableFrom(component.getType())
                    && generic instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element
                    && element.isRecord()) {
                for (JsonNode item : value) {
                    missing.addAll(missing(at + "[]", element, item));
                }
            }
        }
        return missing;
    }

    private static JsonNode sample(String name) throws IOException, URISyntaxException {
        return MAPPER.readTree(ServiceContractsTest.class.getResource("/contracts/" + name + ".json"));
    }
}
