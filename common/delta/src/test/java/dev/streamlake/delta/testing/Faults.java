package dev.streamlake.delta.testing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Failures planned for the {@link FaultInjectingFileSystem}: the n-th time an operation touches a
 * matching path, it throws, before or after doing its work. Shared by the whole test JVM, where
 * the MiniCluster runs.
 */
public final class Faults {

    /** What the file system is doing. */
    public enum Operation {
        LIST,
        CREATE,
        RENAME,
        /** Closing a written file, which completes it. */
        CLOSE
    }

    /** Whether the operation fails before it happens or after it has happened. */
    public enum Moment {
        BEFORE,
        AFTER
    }

    private static final List<Fault> PLANNED = new CopyOnWriteArrayList<>();

    private Faults() {}

    /** Fails the {@code occurrence}-th matching operation (counting from 1), once. */
    public static void plan(Operation operation, Moment moment, String pathRegex, int occurrence) {
        plan(operation, moment, pathRegex, occurrence, 1);
    }

    /** Fails {@code times} matching operations in a row, from the {@code first}-th on. */
    public static void plan(
            Operation operation, Moment moment, String pathRegex, int first, int times) {
        PLANNED.add(new Fault(operation, moment, Pattern.compile(pathRegex), first, times));
    }

    public static void clear() {
        PLANNED.clear();
    }

    /** Whether every planned fault has happened as often as planned. */
    public static boolean allHappened() {
        return PLANNED.stream().allMatch(fault -> fault.happened);
    }

    static void check(Operation operation, Moment moment, String path) throws IOException {
        for (Fault fault : PLANNED) {
            fault.check(operation, moment, path);
        }
    }

    private static final class Fault {
        private final Operation operation;
        private final Moment moment;
        private final Pattern path;
        private final int first;
        private final int last;
        private final AtomicInteger seen = new AtomicInteger();
        private volatile boolean happened;

        Fault(Operation operation, Moment moment, Pattern path, int first, int times) {
            this.operation = operation;
            this.moment = moment;
            this.path = path;
            this.first = first;
            this.last = first + times - 1;
        }

        void check(Operation operation, Moment moment, String path) throws IOException {
            if (operation != this.operation || moment != this.moment || !this.path.matcher(path).find()) {
                return;
            }
            int occurrence = seen.incrementAndGet();
            if (occurrence >= first && occurrence <= last) {
                happened = occurrence == last;
                throw new IOException("injected fault: " + operation + " " + moment + " " + path);
            }
        }
    }
}
