package dev.streamlake.core.job;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.serde.EventRule;

/** Makes an input's cleansing rule from the job's configuration, e.g. the largest clock skew allowed. */
@FunctionalInterface
public interface EventRuleFactory<T> {

    EventRule<T> create(JobConfig config);
}
