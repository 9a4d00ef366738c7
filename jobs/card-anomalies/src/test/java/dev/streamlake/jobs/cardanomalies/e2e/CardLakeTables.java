package dev.streamlake.jobs.cardanomalies.e2e;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.job.Table;
import dev.streamlake.delta.DeltaTableReader;
import dev.streamlake.jobs.cardanomalies.CardAnomaliesJob;
import dev.streamlake.testing.DeadLetterRow;
import dev.streamlake.testing.s3.S3Server;

import io.delta.kernel.exceptions.TableNotFoundException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The job's four Delta tables in the S3 test bed, read back with Delta Kernel as any reader would. */
final class CardLakeTables {

    private final Map<Table<?>, String> paths = new HashMap<>();

    private CardLakeTables(S3Server s3, String prefix) {
        for (Table<?> table : List.of(
                CardAnomaliesJob.SCORED,
                CardAnomaliesJob.ALERTS_TABLE,
                CardAnomaliesJob.TOO_LATE_TABLE,
                CardAnomaliesJob.DEFINITION.deadLetters())) {
            paths.put(table, s3.s3Uri(prefix + "/" + table.localName()));
        }
    }

    /** Tables under their own prefix of the test bucket. */
    static CardLakeTables in(S3Server s3, String prefix) {
        return new CardLakeTables(s3, prefix);
    }

    /** The job's settings from the given keys, writing to these tables. */
    JobConfig jobSettings(Map<String, String> keys) {
        Map<String, String> values = new HashMap<>(keys);
        paths.forEach((table, path) -> values.put(CardAnomaliesJob.DEFINITION.pathKey(table).name(), path));
        return CardJob.config(values);
    }

    List<Map<String, Object>> scored() {
        return rows(CardAnomaliesJob.SCORED);
    }

    List<Map<String, Object>> alerts() {
        return rows(CardAnomaliesJob.ALERTS_TABLE);
    }

    List<Map<String, Object>> tooLate() {
        return rows(CardAnomaliesJob.TOO_LATE_TABLE);
    }

    List<DeadLetterRow> deadLetters() {
        return rows(CardAnomaliesJob.DEFINITION.deadLetters()).stream().map(DeadLetterRow::new).collect(Collectors.toList());
    }

    /** The latest version's rows; none before the job's first commit creates the table. */
    private List<Map<String, Object>> rows(Table<?> table) {
        try {
            return new DeltaTableReader(paths.get(table)).readLatest();
        } catch (TableNotFoundException e) {
            return List.of();
        }
    }
}
