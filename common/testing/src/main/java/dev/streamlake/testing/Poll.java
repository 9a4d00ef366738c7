package dev.streamlake.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition on a slow shared machine: generous deadlines, short naps, no busy loop. */
public final class Poll {

    private static final Duration NAP = Duration.ofMillis(200);

    private Poll() {}

    /**
     * Returns as soon as {@code condition} holds; fails with {@code what} once {@code timeout} has
     * passed. An exception from the condition ends the wait at once.
     */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!condition.call()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Not within " + timeout + ": " + what);
                }
                Thread.sleep(NAP.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for: " + what, e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Failed while waiting for: " + what, e);
        }
    }
}
