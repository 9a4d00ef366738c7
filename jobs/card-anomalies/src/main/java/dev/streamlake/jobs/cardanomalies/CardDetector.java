package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.events.CardAlert;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.CardRule;
import dev.streamlake.events.ScoredTransaction;

import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The card detector (docs/card-anomalies.md): per card, in event-time order, each authorisation
 * (exact duplicates counted once)
 * gets the card's features as of it (a scored transaction) and is judged by every rule in force at
 * its time; alerts that pass suppression go to {@link #ALERTS}. Rule versions come from the
 * broadcast rules input and are kept in broadcast state, so they survive restarts and rescaling.
 *
 * <p>An authorisation waits in state until the watermark of both inputs passes it: the order, and
 * so every feature and alert, then depends on the data only, and a rule version stated ahead of the
 * stream is in force exactly from its effective time.
 */
final class CardDetector extends KeyedBroadcastProcessFunction<String, CardAuthorisation, CardRule, ScoredTransaction> {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(CardDetector.class);

    /** Rule versions from the rules input, by rule id and version. */
    static final MapStateDescriptor<String, CardRule> RULE_VERSIONS =
            new MapStateDescriptor<>("card-rule-versions", Types.STRING, TypeInformation.of(CardRule.class));

    static final OutputTag<CardAlert> ALERTS = new OutputTag<>("card-alerts", TypeInformation.of(CardAlert.class));

    private static final Comparator<CardAuthorisation> BY_ID =
            Comparator.comparing(CardAuthorisation::getAuthorisationId);

    private final DetectorSettings settings;
    private final List<CardRule> initialRules;

    /** Event time → the card's authorisations of that time that wait for the watermark. */
    private transient MapState<Long, List<CardAuthorisation>> waiting;

    private transient ValueState<CardActivity> activity;

    /** The initial rules and the broadcast state's versions; built again after a restore. */
    private transient RuleBook rules;

    private transient Counter duplicates;
    private transient Counter scored;
    private transient Counter alerts;
    private transient Counter suppressed;
    private transient Counter ruleVersions;
    private transient Counter staleRules;

    CardDetector(DetectorSettings settings, List<CardRule> initialRules) {
        this.settings = settings;
        this.initialRules = List.copyOf(initialRules);
    }

    @Override
    public void open(Configuration parameters) {
        waiting = getRuntimeContext().getMapState(new MapStateDescriptor<>(
                "waiting-authorisations", Types.LONG, new ListTypeInfo<>(CardAuthorisationSerializer.TYPE_INFO)));
        activity = getRuntimeContext().getState(new ValueStateDescriptor<>("card-activity", CardActivitySerializer.INSTANCE));
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicateAuthorisations");
        scored = getRuntimeContext().getMetricGroup().counter("scoredTransactions");
        alerts = getRuntimeContext().getMetricGroup().counter("alerts");
        suppressed = getRuntimeContext().getMetricGroup().counter("suppressedAlerts");
        ruleVersions = getRuntimeContext().getMetricGroup().counter("ruleVersionsAdded");
        staleRules = getRuntimeContext().getMetricGroup().counter("staleRules");
    }

    @Override
    public void processElement(CardAuthorisation authorisation, ReadOnlyContext ctx, Collector<ScoredTransaction> out)
            throws Exception {
        long ts = authorisation.getTs().toEpochMilli();
        List<CardAuthorisation> due = waiting.get(ts);
        if (due == null) {
            due = new ArrayList<>(1);
            ctx.timerService().registerEventTimeTimer(ts);
        } else if (isWaiting(authorisation, due)) {
            duplicates.inc();
            return;
        }
        due.add(authorisation);
        waiting.put(ts, due);
    }

    /**
     * An exact duplicate has its original's time, so it finds it waiting here: once the original is
     * scored, the watermark has passed that time and a copy is too late before it gets here.
     */
    private static boolean isWaiting(CardAuthorisation authorisation, List<CardAuthorisation> due) {
        for (CardAuthorisation waiting : due) {
            if (waiting.getAuthorisationId().equals(authorisation.getAuthorisationId())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void processBroadcastElement(CardRule rule, Context ctx, Collector<ScoredTransaction> out) throws Exception {
        BroadcastState<String, CardRule> versions = ctx.getBroadcastState(RULE_VERSIONS);
        switch (rules(versions).add(rule)) {
            case ADDED:
                versions.put(rule.getRuleId() + "#" + rule.getVersion(), rule);
                ruleVersions.inc();
                LOG.info("Rule {} version {} ({}) is in force from {}.",
                        rule.getRuleId(), rule.getVersion(), rule.getEnabled() ? "on" : "off", rule.getEffectiveFrom());
                break;
            case STALE:
                staleRules.inc();
                LOG.warn("Rule {} version {} is ignored: the job holds a version as high or higher.",
                        rule.getRuleId(), rule.getVersion());
                break;
            case REPEATED:
            default:
                break;
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ScoredTransaction> out) throws Exception {
        CardActivity card = activity.value();
        List<CardAuthorisation> due = waiting.get(timestamp);
        if (due != null) {
            waiting.remove(timestamp);
            due.sort(BY_ID);
            RuleBook book = rules(ctx.getBroadcastState(RULE_VERSIONS));
            for (CardAuthorisation authorisation : due) {
                card = score(card, authorisation, book, ctx, out);
            }
            if (card.expiryTimer == CardActivity.NO_TIMER) {
                scheduleExpiry(card, ctx);
            }
        }
        if (card != null && card.expiryTimer == timestamp) {
            if (timestamp > card.lastTs + settings.baselineMillis) {
                activity.clear();
                return;
            }
            scheduleExpiry(card, ctx);
        }
        if (card != null) {
            activity.update(card);
        }
    }

    private void scheduleExpiry(CardActivity card, OnTimerContext ctx) {
        card.expiryTimer = card.lastTs + settings.baselineMillis + 1;
        ctx.timerService().registerEventTimeTimer(card.expiryTimer);
    }

    private CardActivity score(
            CardActivity card, CardAuthorisation authorisation, RuleBook book, OnTimerContext ctx,
            Collector<ScoredTransaction> out) {
        long ts = authorisation.getTs().toEpochMilli();
        if (card == null) {
            card = new CardActivity(ts);
        } else if (ts - card.lastTs > settings.baselineMillis) {
            card.restart(ts);
        }
        card.amounts.forgetBefore(HourlyAmounts.hourOf(ts) - settings.baselineMillis / DetectorSettings.HOUR_MILLIS);
        HourlyAmounts.Baseline baseline = card.amounts.baseline();
        int historyDays = (int) ((ts - card.firstSeen) / DetectorSettings.DAY_MILLIS);

        long keptMillis = Math.max(Math.max(settings.recentWindowMillis, settings.velocityWindowMillis), book.longestWindowMillis());
        card.attempts.forgetBefore(ts - keptMillis);
        int recentCount = card.attempts.countSince(ts - settings.recentWindowMillis, false);
        card.attempts.add(ts, authorisation.getAuthorisationId(), authorisation.getApproved());
        long velocityStart = Math.floorDiv(ts, settings.velocityWindowMillis) * settings.velocityWindowMillis;
        int velocityCount = card.attempts.countSince(velocityStart, false);

        out.collect(scoredTransaction(authorisation, baseline, historyDays, recentCount, velocityCount));
        scored.inc();

        CardRuleEvaluator.Observation observation = new CardRuleEvaluator.Observation(
                authorisation, baseline, historyDays, card.attempts, settings.recentWindowMillis);
        for (CardRule rule : book.inForce(ts)) {
            CardAlert.Builder alert = CardRuleEvaluator.evaluate(rule, observation);
            if (alert == null) {
                continue;
            }
            long period = rule.getSuppressionMs() != null ? rule.getSuppressionMs() : settings.defaultSuppressionMillis;
            if (card.suppression.admit(rule.getRuleId(), ts, period)) {
                ctx.output(ALERTS, alert.setDetectedAt(Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())).build());
                alerts.inc();
            } else {
                suppressed.inc();
            }
        }
        card.amounts.add(ts, authorisation.getAmount().doubleValue());
        card.lastTs = ts;
        return card;
    }

    private static ScoredTransaction scoredTransaction(
            CardAuthorisation authorisation, HourlyAmounts.Baseline baseline, int historyDays, int recentCount, int velocityCount) {
        boolean any = baseline.count > 0;
        return ScoredTransaction.newBuilder()
                .setAuthorisationId(authorisation.getAuthorisationId())
                .setCardId(authorisation.getCardId())
                .setMerchantId(authorisation.getMerchantId())
                .setMerchantCategoryCode(authorisation.getMerchantCategoryCode())
                .setAmount(authorisation.getAmount())
                .setCurrency(authorisation.getCurrency())
                .setChannel(authorisation.getChannel().name())
                .setMerchantCountry(authorisation.getMerchantCountry())
                .setApproved(authorisation.getApproved())
                .setResponseCode(authorisation.getResponseCode())
                .setTs(authorisation.getTs())
                .setBaselineCount(baseline.count)
                .setBaselineMean(any ? baseline.mean : null)
                .setBaselineStddev(any ? baseline.stddev : null)
                .setHistoryDays(historyDays)
                .setRecentCount(recentCount)
                .setVelocityCount(velocityCount)
                .build();
    }

    /** The rule book, made from the initial rules and the broadcast state's versions at first use. */
    private RuleBook rules(ReadOnlyBroadcastState<String, CardRule> versions) throws Exception {
        if (rules == null) {
            List<CardRule> all = new ArrayList<>(initialRules);
            for (Map.Entry<String, CardRule> version : versions.immutableEntries()) {
                all.add(version.getValue());
            }
            // lowest version first, as they came: the state's order is not theirs
            all.sort(Comparator.comparingLong(CardRule::getVersion));
            rules = new RuleBook(all);
        }
        return rules;
    }
}
