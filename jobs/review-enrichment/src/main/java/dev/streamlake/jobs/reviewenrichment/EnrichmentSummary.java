package dev.streamlake.jobs.reviewenrichment;

import static dev.streamlake.core.job.SummaryLines.counts;
import static dev.streamlake.core.job.SummaryLines.span;

import dev.streamlake.core.job.SummaryLines;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The local run's lines about the review tables: reviews by what they found of their user, the
 * unhappy VIPs with the products they were unhappy about most, the VIP actions, and what was too
 * late or unusable.
 */
final class EnrichmentSummary {

    private static final int TOP_PRODUCTS = 5;

    private EnrichmentSummary() {}

    static void print(
            List<Map<String, Object>> enriched,
            List<Map<String, Object>> unhappyVips,
            List<Map<String, Object>> lateReviews,
            List<Map<String, Object>> vipActions,
            List<Map<String, Object>> lateActions,
            List<Map<String, Object>> deadLetters,
            PrintStream out) {
        out.printf("  enriched reviews: %,d by %,d users%s%n", enriched.size(),
                enriched.stream().map(row -> row.get("user_id")).distinct().count(), span(enriched, "ts"));
        if (!enriched.isEmpty()) {
            out.printf("    user as of the review: %s%n", counts(enriched, row -> String.valueOf(row.get("user_match"))));
            out.printf("    by status: %s%n", counts(enriched, row -> String.valueOf(row.get("user_status"))));
        }

        out.printf("  unhappy VIPs: %,d reviews by %,d users%n", unhappyVips.size(),
                unhappyVips.stream().map(row -> row.get("user_id")).distinct().count());
        if (!unhappyVips.isEmpty()) {
            out.println("    products with the most:");
            unhappyVips.stream()
                    .collect(Collectors.groupingBy(row -> (String) row.get("product_id"), TreeMap::new, Collectors.counting()))
                    .entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                    .limit(TOP_PRODUCTS)
                    .forEach(product -> out.printf("      %s %,d%n", product.getKey(), product.getValue()));
            out.printf("    e.g. user_email %s (a pseudonym)%n", unhappyVips.get(0).get("user_email"));
        }

        out.printf("  VIP actions: %,d%s%n", vipActions.size(),
                vipActions.isEmpty() ? "" : " (" + counts(vipActions, row -> String.valueOf(row.get("action"))) + ")");
        out.printf("  too late: %,d reviews, %,d actions (not joined)%n", lateReviews.size(), lateActions.size());
        out.printf("  %s%n", SummaryLines.deadLetters(deadLetters));
    }
}
