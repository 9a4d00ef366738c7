package dev.streamlake.jobs.cardanomalies.e2e;

import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.functions.MapFunction;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passes records through unchanged and fails the task once, when a given authorisation first comes
 * by: a failure at a chosen point of the input, so a test knows what the recovery replays after
 * the last checkpoint. "Once" holds per {@code failureId} for the whole test JVM, across the
 * restarts it causes.
 */
final class FailOnceAtAuthorisation implements MapFunction<Decoded<CardAuthorisation>, Decoded<CardAuthorisation>> {

    private static final long serialVersionUID = 1L;

    /** Static on purpose: the MiniCluster runs in the test JVM, and this survives task restarts. */
    private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

    private final String failureId;
    private final String authorisationId;
    private final long ts;

    FailOnceAtAuthorisation(String failureId, CardAuthorisation authorisation) {
        this.failureId = failureId;
        this.authorisationId = authorisation.getAuthorisationId();
        this.ts = authorisation.getTs().toEpochMilli();
    }

    static boolean hasFailed(String failureId) {
        return FAILED.contains(failureId);
    }

    @Override
    public Decoded<CardAuthorisation> map(Decoded<CardAuthorisation> record) {
        if (record.isValue()
                && record.getValue().getAuthorisationId().equals(authorisationId)
                && record.getValue().getTs().toEpochMilli() == ts
                && FAILED.add(failureId)) {
            throw new IllegalStateException("Injected failure " + failureId + " at authorisation " + authorisationId);
        }
        return record;
    }
}
