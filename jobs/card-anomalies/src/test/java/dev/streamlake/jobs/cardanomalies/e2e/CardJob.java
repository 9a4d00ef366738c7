package dev.streamlake.jobs.cardanomalies.e2e;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.job.ConfiguredSources;
import dev.streamlake.core.job.JobAssembly;
import dev.streamlake.core.source.EventSource;
import dev.streamlake.core.source.WatermarkKeys;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.jobs.cardanomalies.CardAnomaliesJob;
import dev.streamlake.jobs.cardanomalies.CardAnomaliesKeys;
import dev.streamlake.serde.Decoded;
import dev.streamlake.testing.flink.InjectedFailures;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The card anomaly job as production wires it, and the settings the end-to-end tests share. */
final class CardJob {

    /**
     * An hour of out-of-orderness: out-of-order authorisations of the test data arrive up to half
     * an hour late, too-late ones two days.
     */
    static final String OUT_OF_ORDERNESS = "1h";

    private CardJob() {}

    /**
     * The keys every test sets: an hour of out-of-orderness, a baseline of 24 h (a few days of data
     * then see cards forgotten), and alignment drift far above the gaps between a card set's
     * authorisations (minutes of event time apart) yet far below the age of a too-late one.
     */
    static Map<String, String> commonKeys() {
        Map<String, String> values = new HashMap<>();
        values.put(authorisationsKey(WatermarkKeys.OUT_OF_ORDERNESS), OUT_OF_ORDERNESS);
        values.put(CardAnomaliesKeys.BASELINE_LENGTH.name(), "24h");
        values.put(WatermarkKeys.ALIGNMENT_MAX_DRIFT.name(), "6h");
        return values;
    }

    /** The job's configuration from raw values, checked as at start. */
    static JobConfig config(Map<String, String> values) {
        return JobConfig.of(CardAnomaliesJob.DEFINITION.configSchema(), values);
    }

    /** A key of the authorisations input, e.g. {@code authorisations.kafka.topics}. */
    static String authorisationsKey(ConfigKey<?> key) {
        return CardAnomaliesJob.AUTHORISATIONS.name() + "." + key.name();
    }

    /** A key of the rules input, e.g. {@code rules.kafka.topics}. */
    static String rulesKey(ConfigKey<?> key) {
        return CardAnomaliesJob.RULES.name() + "." + key.name();
    }

    /** A key of the alerts output, e.g. {@code alerts.kafka.topic}. */
    static String alertsKey(ConfigKey<?> key) {
        return CardAnomaliesJob.ALERTS.name() + "." + key.name();
    }

    /** Which authorisations reach scoring under this configuration's watermark. */
    static ArrivalOracle arrivalOracle(JobConfig config) {
        return new ArrivalOracle(
                config.scope(CardAnomaliesJob.AUTHORISATIONS.name()).get(WatermarkKeys.OUT_OF_ORDERNESS));
    }

    /** The whole job into {@code env}, its authorisations from the configured source followed by failures to inject. */
    static void addTo(
            StreamExecutionEnvironment env,
            JobConfig config,
            List<MapFunction<Decoded<CardAuthorisation>, Decoded<CardAuthorisation>>> failures) {
        EventSource<CardAuthorisation> source =
                ConfiguredSources.of(CardAnomaliesJob.DEFINITION, config, CardAnomaliesJob.AUTHORISATIONS);
        JobAssembly.of(new CardAnomaliesJob(), config)
                .replacingSource(
                        CardAnomaliesJob.AUTHORISATIONS,
                        sources -> InjectedFailures.after(
                                source.createStream(sources), CardAnomaliesJob.AUTHORISATIONS.name(), failures))
                .addTo(env);
    }
}
