package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.events.CardRule;
import dev.streamlake.events.CardRuleKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every known version of every rule, and which of them is in force at an event time: for each
 * rule id, the highest version whose effective time has come, if it is enabled.
 */
final class RuleBook {

    /** What adding a version did. */
    enum Change {
        /** A new rule or a higher version of one. */
        ADDED,
        /** The version the book holds already, unchanged (a replay). */
        REPEATED,
        /** A version no higher than the one held, with other content: ignored. */
        STALE
    }

    private static final Comparator<CardRule> NEWEST_FIRST =
            Comparator.comparingLong(CardRule::getVersion).reversed();

    /** Rule id → its versions, newest first; ids in order, so rules are evaluated in that order. */
    private final Map<String, List<CardRule>> versions = new TreeMap<>();

    private long longestWindowMillis;

    RuleBook(Iterable<CardRule> rules) {
        for (CardRule rule : rules) {
            add(rule);
        }
    }

    Change add(CardRule rule) {
        List<CardRule> known = versions.computeIfAbsent(rule.getRuleId(), id -> new ArrayList<>());
        if (!known.isEmpty() && rule.getVersion() <= known.get(0).getVersion()) {
            boolean repeated = known.stream().anyMatch(rule::equals);
            return repeated ? Change.REPEATED : Change.STALE;
        }
        known.add(rule);
        known.sort(NEWEST_FIRST);
        if (rule.getKind() == CardRuleKind.VELOCITY && rule.getWindowMs() != null) {
            longestWindowMillis = Math.max(longestWindowMillis, rule.getWindowMs());
        }
        return Change.ADDED;
    }

    /** The enabled versions in force at the given event time, by rule id. */
    List<CardRule> inForce(long ts) {
        List<CardRule> rules = new ArrayList<>(versions.size());
        for (List<CardRule> known : versions.values()) {
            for (CardRule version : known) {
                if (version.getEffectiveFrom().toEpochMilli() <= ts) {
                    if (version.getEnabled()) {
                        rules.add(version);
                    }
                    break;
                }
            }
        }
        return rules;
    }

    /** The longest velocity window of any version: how far back a card's attempts are kept. */
    long longestWindowMillis() {
        return longestWindowMillis;
    }
}
