package dev.streamlake.jobs.reviewenrichment.generator;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws an index from 0 to n - 1, each as often as its weight says. */
final class WeightedChoice {

    /** The running totals of the weights: index i is drawn for a value from total i - 1 up to total i. */
    private final double[] totals;

    WeightedChoice(double... weights) {
        totals = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            totals[i] = total;
        }
    }

    int draw(SplittableRandom random) {
        int found = Arrays.binarySearch(totals, random.nextDouble(totals[totals.length - 1]));
        return found >= 0 ? found + 1 : -found - 1;
    }
}
