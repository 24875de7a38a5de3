package cn.qinqing.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

/** A token held in memory reads as the token store's JSON of the same token would. */
class ProcessorPositionsTest {

    @Test
    void aGapAwareTokenHasItsIndexAndGaps() {
        assertThat(ProcessorPositions.json(GapAwareTrackingToken.newInstance(10, List.of(7L, 3L))))
                .hasToString("{\"index\":10,\"gaps\":[3,7]}");
    }

    @Test
    void aReplayTokenHasItsTokenAtResetAndItsCurrentToken() {
        var reset = GapAwareTrackingToken.newInstance(20, List.of());
        assertThat(ProcessorPositions.json(
                        ReplayToken.createReplayToken(reset, GapAwareTrackingToken.newInstance(5, List.of(4L)))))
                .hasToString(
                        "{\"tokenAtReset\":{\"index\":20,\"gaps\":[]},\"currentToken\":{\"index\":5,\"gaps\":[4]}}");
        assertThat(ProcessorPositions.json(ReplayToken.createReplayToken(reset)))
                .as("a replay that has not handled its first event")
                .hasToString("{\"tokenAtReset\":{\"index\":20,\"gaps\":[]},\"currentToken\":null}");
    }

    @Test
    void anotherKindOfTokenIsLeftToTheTable() {
        assertThat(ProcessorPositions.json(new GlobalSequenceTrackingToken(3))).isNull();
    }
}
