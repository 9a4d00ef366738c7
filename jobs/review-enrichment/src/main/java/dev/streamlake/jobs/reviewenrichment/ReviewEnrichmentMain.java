package dev.streamlake.jobs.reviewenrichment;

import dev.streamlake.core.job.JobRunner;

/**
 * Entry point of the review enrichment job, the same jar three ways: on an embedded MiniCluster
 * ({@code local.embedded=true}, the README's local run), on Managed Service for Apache Flink
 * (settings from the application's property groups) and on any Flink cluster such as the
 * Kubernetes operator's (settings from {@code --config <file>} and {@code --key value}). {@code
 * --help} lists every key.
 */
public final class ReviewEnrichmentMain {

    private ReviewEnrichmentMain() {}

    public static void main(String[] args) throws Exception {
        JobRunner.main(new ReviewEnrichmentJob(), args);
    }
}
