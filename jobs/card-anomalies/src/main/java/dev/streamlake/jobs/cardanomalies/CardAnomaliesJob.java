package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.core.job.Input;
import dev.streamlake.core.job.InputFormat;
import dev.streamlake.core.job.JobContext;
import dev.streamlake.core.job.JobDefinition;
import dev.streamlake.core.job.LocalTables;
import dev.streamlake.core.job.StreamJob;
import dev.streamlake.core.job.StreamOutput;
import dev.streamlake.core.job.Table;
import dev.streamlake.delta.PartitionColumn;
import dev.streamlake.events.CardAlert;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.CardRule;
import dev.streamlake.events.ScoredTransaction;
import dev.streamlake.jobs.cardanomalies.generator.CardAuthorisations;
import dev.streamlake.jobs.cardanomalies.generator.CardRuleVersions;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.io.PrintStream;

/**
 * Card authorisation anomaly detection (docs/card-anomalies.md says exactly what it computes):
 *
 * <pre>
 * authorisations → keyBy card → card detector (too-late ones, by the authorisations' watermark kept
 *   across recoveries, to the too-late table; the others per card in event-time order, duplicates
 *   counted once: baseline features, velocity, live rules from the broadcast rules input,
 *   suppression)
 *   → scored-transactions (Delta); alerts (Delta and the alerts stream)
 * bad authorisations and rules → dead letters (by the skeleton)
 * </pre>
 */
public final class CardAnomaliesJob implements StreamJob {

    public static final Input<CardAuthorisation> AUTHORISATIONS =
            Input.of("authorisations", CardAuthorisation.class, a -> a.getTs().toEpochMilli())
                    .typeInfo(CardAuthorisationSerializer.TYPE_INFO)
                    .formats(InputFormat.JSON, InputFormat.CONFLUENT_AVRO)
                    .rules(config -> new CardAuthorisationRules(config.get(CardAnomaliesKeys.MAX_CLOCK_SKEW)))
                    .generator((config, format) -> CardAuthorisations.generator(GeneratorSettings.from(config), format).source())
                    .build();

    public static final Input<CardRule> RULES =
            Input.of("rules", CardRule.class, rule -> rule.getEffectiveFrom().toEpochMilli())
                    .formats(InputFormat.JSON)
                    .rules(config -> new CardRuleChecks())
                    .generator((config, format) -> CardRuleVersions.generator(GeneratorSettings.from(config), format).source())
                    .build();

    public static final Table<ScoredTransaction> SCORED =
            Table.of("scored-transactions", ScoredTransaction.class, "scored transactions, every authorisation with the card's features")
                    .partitionedBy(PartitionColumn.dateOf("event_date", "ts"))
                    .locallyNamed("card_scored_transactions");

    public static final Table<CardAlert> ALERTS_TABLE =
            Table.of("alerts", CardAlert.class, "alerts with what was observed and the thresholds in force")
                    .partitionedBy(PartitionColumn.dateOf("event_date", "event_time"))
                    .locallyNamed("card_alerts");

    public static final Table<CardAuthorisation> TOO_LATE_TABLE =
            Table.of("too-late", CardAuthorisation.class, "authorisations that arrived after the watermark had passed them")
                    .partitionedBy(PartitionColumn.dateOf("event_date", "ts"))
                    .locallyNamed("card_too_late_authorisations");

    public static final StreamOutput<CardAlert> ALERTS =
            StreamOutput.of("alerts", CardAlert.class, CardAlert::getCardId);

    public static final JobDefinition DEFINITION =
            JobDefinition.builder("card-anomalies")
                    .input(AUTHORISATIONS)
                    .input(RULES)
                    .table(SCORED)
                    .table(ALERTS_TABLE)
                    .table(TOO_LATE_TABLE)
                    .output(ALERTS)
                    .keys(CardAnomaliesKeys.SCHEMA)
                    .deadLettersLocallyNamed("card_dead_letters")
                    .build();

    private static final KeySelector<CardAuthorisation, String> BY_CARD = CardAuthorisation::getCardId;

    private static final String DETECTOR_UID = "card-detector";

    @Override
    public JobDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void build(JobContext context) {
        JobConfig config = context.config();
        DataStream<CardAuthorisation> authorisations = context.read(AUTHORISATIONS);
        DataStream<CardRule> rules = context.read(RULES);

        SingleOutputStreamOperator<ScoredTransaction> scored =
                authorisations.keyBy(BY_CARD, Types.STRING)
                        .connect(rules.broadcast())
                        .transform(
                                "Card features and rules",
                                TypeInformation.of(ScoredTransaction.class),
                                new CardDetector(
                                        DetectorSettings.from(config),
                                        InitialRules.from(config),
                                        config.get(CardAnomaliesKeys.HELD_CARDS)))
                        .uid(DETECTOR_UID);

        DataStream<CardAlert> alerts = scored.getSideOutput(CardDetector.ALERTS);
        context.write(scored, SCORED);
        context.write(alerts, ALERTS_TABLE);
        context.send(alerts, ALERTS);
        context.write(scored.getSideOutput(CardDetector.TOO_LATE), TOO_LATE_TABLE);
    }

    @Override
    public void summarise(LocalTables tables, PrintStream out) {
        AnomalySummary.print(
                tables.rows(SCORED), tables.rows(ALERTS_TABLE), tables.rows(TOO_LATE_TABLE),
                tables.rows(DEFINITION.deadLetters()), out);
    }
}
