package dev.streamlake.bench;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.job.JobAssembly;
import dev.streamlake.jobs.cardanomalies.CardAnomaliesJob;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.Map;

/**
 * P: the card anomaly job as production builds it ({@link JobAssembly}) with its defaults, so every
 * detection is on (velocity, declined velocity, amount spike, recent count, suppression): cleansing
 * rules, dead letters, the event-time floor, duplicates and too-late authorisations, the card
 * detector; no rule versions arrive (rules input {@code none}), the alerts stream goes nowhere and
 * every table is discarded.
 */
final class CardProjectSegment extends Segment {

    CardProjectSegment() {
        super("P", "project: CardAnomaliesJob as production builds it (cleansing, dead letters, event-time floor, "
                + "duplicates and too-late, the card detector with every initial rule on; rules input none), "
                + "discarding sinks", true, true);
    }

    @Override
    void build(StreamExecutionEnvironment env, SegmentInput input) {
        JobConfig config = config();
        JobAssembly.of(new CardAnomaliesJob(), config)
                .replacingSource(CardAnomaliesJob.AUTHORISATIONS,
                        input.asInput(CardAuthorisationEvents.INSTANCE, CardAnomaliesJob.AUTHORISATIONS, config))
                .replacingTables(DiscardingTables.INSTANCE)
                .addTo(env);
    }

    /** The job's defaults; the authorisations come from the pool instead of the source the configuration names. */
    static JobConfig config() {
        return JobConfig.of(CardAnomaliesJob.DEFINITION.configSchema(), Map.of(
                "authorisations.source.type", "none",
                "rules.source.type", "none"));
    }
}
