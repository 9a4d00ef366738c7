package dev.streamlake.jobs.reviewenrichment.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

class WeightedChoiceTest {

    @Test
    void eachIndexIsDrawnAsOftenAsItsWeightSays() {
        WeightedChoice choice = new WeightedChoice(55, 27, 12, 6, 0);
        int[] drawn = new int[5];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            drawn[choice.draw(random)]++;
        }
        assertThat(drawn[0] / 1000.0).isCloseTo(55, within(1.0));
        assertThat(drawn[1] / 1000.0).isCloseTo(27, within(1.0));
        assertThat(drawn[2] / 1000.0).isCloseTo(12, within(1.0));
        assertThat(drawn[3] / 1000.0).isCloseTo(6, within(1.0));
        assertThat(drawn[4]).isZero();
    }
}
