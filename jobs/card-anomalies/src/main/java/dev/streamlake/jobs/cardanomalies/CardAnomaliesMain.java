package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.core.job.JobRunner;

/**
 * Entry point of the card anomaly job, the same jar three ways: on an embedded MiniCluster
 * ({@code local.embedded=true}, the README's local run), on Managed Service for Apache Flink
 * (settings from the application's property groups) and on any Flink cluster such as the
 * Kubernetes operator's (settings from {@code --config <file>} and {@code --key value}). {@code
 * --help} lists every key.
 */
public final class CardAnomaliesMain {

    private CardAnomaliesMain() {}

    public static void main(String[] args) throws Exception {
        JobRunner.main(new CardAnomaliesJob(), args);
    }
}
