package cn.qinqing.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

class ReadYourWritesTest {

    @Test
    void aProcessorHasHandledAnEventOnlyOnceItsTokenPassedItWithoutAGapThere() {
        assertThat(ReadYourWrites.covers(GapAwareTrackingToken.newInstance(10, Set.of()), 10))
                .isTrue();
        assertThat(ReadYourWrites.covers(GapAwareTrackingToken.newInstance(9, Set.of()), 10))
                .isFalse();
        assertThat(ReadYourWrites.covers(GapAwareTrackingToken.newInstance(12, Set.of(10L)), 10))
                .as("read past while its transaction was still open")
                .isFalse();
        assertThat(ReadYourWrites.covers(GapAwareTrackingToken.newInstance(12, Set.of(7L)), 10))
                .as("another write's gap below is none of ours")
                .isTrue();
        assertThat(ReadYourWrites.covers(null, 1)).isFalse();
    }

    @Test
    void aReplayCountsFromWhereItHasGot() {
        var replay = ReplayToken.createReplayToken(
                GapAwareTrackingToken.newInstance(20, Set.of()), GapAwareTrackingToken.newInstance(5, Set.of()));

        assertThat(ReadYourWrites.covers(replay, 5)).isTrue();
        assertThat(ReadYourWrites.covers(replay, 15)).isFalse();
    }
}
