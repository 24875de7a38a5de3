package cn.qinqing.oversight.reading;

import cn.qinqing.oversight.ProcessingGroups;
import cn.qinqing.platform.messaging.ProcessorPositions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/** The oversight processing groups and how far they got. */
@Component
public class ReadModels {

    /** Every processing group of the service; a replay rebuilds them all. */
    public static final List<String> GROUPS = List.of(ProcessingGroups.READ_MODELS);

    private final ProcessorPositions positions;

    ReadModels(ProcessorPositions positions) {
        this.positions = positions;
    }

    public Freshness freshness() {
        ProcessorPositions.Positions read = positions.of(GROUPS);
        Map<String, Long> processors = new LinkedHashMap<>();
        Long lowest = null;
        boolean all = true;
        boolean replaying = false;
        for (String group : GROUPS) {
            ProcessorPositions.Group standing = read.groups().get(group);
            OptionalLong position = standing.position();
            replaying |= standing.replaying();
            processors.put(group, position.isPresent() ? position.getAsLong() : null);
            if (position.isEmpty()) {
                all = false;
            } else if (lowest == null || position.getAsLong() < lowest) {
                lowest = position.getAsLong();
            }
        }
        boolean caughtUp = all && !replaying && lowest != null && lowest >= read.head();
        return new Freshness(all ? lowest : null, read.head(), caughtUp, replaying, processors);
    }

    /**
     * Whether any oversight processor is still replaying: its token is a replay token that has not yet reached the
     * position the store had when it was reset.
     */
    public boolean replaying() {
        return positions.of(GROUPS).groups().values().stream().anyMatch(ProcessorPositions.Group::replaying);
    }
}
