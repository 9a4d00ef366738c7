package dev.streamlake.core.job;

import java.io.PrintStream;

/** What a local run wrote, read back from its tables: rows per table, then the job's own lines. */
final class LocalRunSummary {

    private static final String RULE = "-".repeat(72);

    private LocalRunSummary() {}

    static void print(PrintStream out, StreamJob job, LocalTables tables) {
        out.println(RULE);
        out.println("Read back from the Delta tables:");
        for (Table<?> table : job.definition().tables()) {
            out.printf("  %-20s %,d rows%n", table.name(), tables.rows(table).size());
        }
        job.summarise(tables, out);
        out.println(RULE);
    }
}
