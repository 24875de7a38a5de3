package cn.qinqing.platform.messaging;

import cn.qinqing.platform.PlatformProperties;
import cn.qinqing.platform.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin's view of this service's streaming processors: how many segments each has in the token store and which
 * this instance holds, and a split of the segments this instance holds, for a city that runs more instances of a
 * service than its processors have segments (docs/deploy.md, "Splitting segments"). A split takes effect at once and
 * is kept in the token store: the segment balancer then spreads the new segments over the instances.
 */
@RestController
@RequestMapping(path = "/api/${qinqing.service.name}/admin/processors", produces = MediaType.APPLICATION_JSON_VALUE)
class ProcessorAdmin {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final String tokenTable;

    ProcessorAdmin(EventProcessingConfiguration processing, JdbcTemplate jdbc, PlatformProperties properties) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.tokenTable = properties.schema() + ".token_entry";
    }

    /** A processor: its segments in the token store, and the ones this instance works on. */
    record Processor(String name, int segments, List<Integer> claimedHere) {}

    @GetMapping
    List<Processor> list() {
        List<Processor> processors = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                processors.add(describe(name, streaming));
            }
        });
        return processors;
    }

    /**
     * Splits every segment this instance holds of {@code name} in two; call it once per instance (or until the count
     * is what you want): each call through the load balancer reaches one instance.
     */
    @PostMapping("/{name}/split")
    Processor split(@PathVariable String name) throws Exception {
        StreamingEventProcessor processor = processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFoundException("No streaming processor " + name + "."));
        for (Integer segment : List.copyOf(processor.processingStatus().keySet())) {
            processor.splitSegment(segment).get(30, TimeUnit.SECONDS);
        }
        return describe(name, processor);
    }

    private Processor describe(String name, StreamingEventProcessor processor) {
        Integer segments = jdbc.queryForObject(
                "SELECT count(*) FROM " + tokenTable + " WHERE processor_name = ?", Integer.class, name);
        return new Processor(
                name,
                segments == null ? 0 : segments,
                processor.processingStatus().keySet().stream().sorted().toList());
    }
}
