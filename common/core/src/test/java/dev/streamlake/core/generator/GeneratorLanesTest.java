package dev.streamlake.core.generator;

import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratorLanesTest {

    @Test
    void theLanesTogetherMakeEveryIndexBelowTheCountExactlyOnce() {
        for (long count : new long[] {1, 2, 7, 1_000, 1_001}) {
            for (int lanes = 1; lanes <= 4; lanes++) {
                List<Long> indices = new ArrayList<>();
                for (NumberSequenceSplit split : GeneratorLanes.splits(lanes, count)) {
                    for (long position = split.from(); position <= split.to(); position++) {
                        indices.add(GeneratorLanes.recordIndex(position));
                    }
                }

                assertThat(indices)
                        .as("%s records in %s lanes", count, lanes)
                        .containsExactlyInAnyOrderElementsOf(
                                LongStream.range(0, count).boxed().collect(Collectors.toList()));
            }
        }
    }

    @Test
    void eachLaneMakesEveryNthIndexStartingAtItsOwn() {
        List<NumberSequenceSplit> splits = GeneratorLanes.splits(3, 0);

        assertThat(splits).hasSize(3);
        for (int lane = 0; lane < 3; lane++) {
            long first = splits.get(lane).from();
            assertThat(LongStream.range(first, first + 4).map(GeneratorLanes::recordIndex).toArray())
                    .containsExactly(lane, lane + 3, lane + 6, lane + 9);
        }
    }

    @Test
    void anEndlessLaneEndsAtItsLastStepWithoutOverflow() {
        NumberSequenceSplit last = GeneratorLanes.splits(GeneratorLanes.MAX_LANES, 0).get(GeneratorLanes.MAX_LANES - 1);

        assertThat(GeneratorLanes.recordIndex(last.to()))
                .isEqualTo((GeneratorLanes.MAX_STEPS - 1) * GeneratorLanes.MAX_LANES + GeneratorLanes.MAX_LANES - 1)
                .isPositive();
    }

    @Test
    void moreLanesThanPositionsCanHoldAreRejected() {
        assertThatThrownBy(() -> GeneratorLanes.splits(GeneratorLanes.MAX_LANES + 1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism");
    }
}
