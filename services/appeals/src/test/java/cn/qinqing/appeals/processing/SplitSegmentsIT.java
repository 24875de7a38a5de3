package cn.qinqing.appeals.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.appeals.AppealsApiTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A city that runs more instances of appeals than its processors have segments splits them through the admin API
 * (docs/deploy.md, "Splitting segments"): the split doubles the segments in the token store and the processor goes on
 * with all of them; only an admin may.
 */
class SplitSegmentsIT extends AppealsApiTestBase {

    static final String PROCESSORS = "/api/appeals/admin/processors";

    @Test
    void anAdminSplitsAProcessorsSegmentsAndTheProcessorWorksOnAllOfThem() {
        JsonNode processor = first(api.get(PROCESSORS).token(admin).send().json());
        String name = processor.get("name").asText();
        int before = processor.get("segments").asInt();
        await().until(() -> claimed(name).size() == before);

        JsonNode split =
                api.post(PROCESSORS + "/" + name + "/split").token(admin).send().json();

        assertThat(split.get("segments").asInt()).isEqualTo(before * 2);
        await().until(() -> claimed(name).size() == before * 2);
        // the processor still handles new events with its new segments
        fileAndWait(userA, "分段之后的诉求");
    }

    @Test
    void nobodyButAnAdminMay() {
        assertThat(api.post(PROCESSORS + "/any/split").token(userA).send().status())
                .isEqualTo(403);
    }

    private List<Integer> claimed(String name) {
        List<Integer> segments = new ArrayList<>();
        for (JsonNode processor : api.get(PROCESSORS).token(admin).send().json()) {
            if (processor.get("name").asText().equals(name)) {
                processor.get("claimedHere").forEach(segment -> segments.add(segment.asInt()));
            }
        }
        return segments;
    }

    private static JsonNode first(JsonNode processors) {
        assertThat(processors.size()).isPositive();
        return processors.get(0);
    }
}
