package dev.streamlake.jobs.reviewenrichment.e2e;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.job.Table;
import dev.streamlake.delta.DeltaTableReader;
import dev.streamlake.jobs.reviewenrichment.ReviewEnrichmentJob;
import dev.streamlake.testing.DeadLetterRow;
import dev.streamlake.testing.s3.S3Server;

import io.delta.kernel.exceptions.TableNotFoundException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every Delta table of the job in the S3 test bed, read back with Delta Kernel as any reader would. */
final class ReviewLakeTables {

    private final Map<Table<?>, String> paths = new LinkedHashMap<>();
    private final S3Server s3;
    private final String prefix;

    ReviewLakeTables(S3Server s3, String prefix) {
        this.s3 = s3;
        this.prefix = prefix;
        // the dead letters' table included
        for (Table<?> table : ReviewEnrichmentJob.DEFINITION.tables()) {
            paths.put(table, s3.s3Uri(prefix + "/" + table.localName()));
        }
    }

    /** The job's settings from the given keys, writing to these tables. */
    JobConfig jobSettings(Map<String, String> keys) {
        Map<String, String> values = new LinkedHashMap<>(keys);
        paths.forEach((table, path) -> values.put(ReviewEnrichmentJob.DEFINITION.pathKey(table).name(), path));
        return ReviewJob.config(values);
    }

    /** The latest version's rows; none before the job's first commit creates the table. */
    List<Map<String, Object>> rows(Table<?> table) {
        try {
            return new DeltaTableReader(paths.get(table)).readLatest();
        } catch (TableNotFoundException e) {
            return List.of();
        }
    }

    List<DeadLetterRow> deadLetters() {
        return rows(ReviewEnrichmentJob.DEFINITION.deadLetters()).stream()
                .map(DeadLetterRow::new)
                .collect(Collectors.toList());
    }

    /** Every table by name, dead letters included. */
    Map<String, List<Map<String, Object>>> all() {
        Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
        paths.keySet().forEach(table -> all.put(table.name(), rows(table)));
        return all;
    }

    /** The raw text of every Delta log entry of every table (statistics hold column values). */
    Map<String, byte[]> logEntries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String key : s3.listObjects(prefix + "/")) {
            if (key.contains("/_delta_log/")) {
                entries.put(key, s3.readObject(key));
            }
        }
        return entries;
    }
}
