package dev.streamlake.testing.flink;

import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks that every operator of a job graph has an explicit uid, so its state finds it again
 * after an upgrade changes the graph, and a name of its own, so the Web UI and the metrics say
 * what it is rather than Flink's default.
 */
public final class OperatorIdentities {

    /** The names Flink gives an operator nobody named. */
    private static final Set<String> DEFAULT_NAMES =
            Set.of("Map", "Filter", "Flat Map", "Process", "KeyedProcess", "Keyed Process", "Co-Process",
                    "Co-Flat Map", "Co-Map", "Timestamps/Watermarks", "Custom Source", "Source: Custom Source",
                    "Sink: Unnamed", "Unnamed", "Sink: Writer", "Sink: Committer");

    private OperatorIdentities() {}

    /** @throws AssertionError listing every operator without a uid or with a default name */
    public static void assertEveryOperatorHasUidAndName(StreamGraph graph) {
        List<String> problems = new ArrayList<>();
        for (StreamNode node : graph.getStreamNodes()) {
            String name = node.getOperatorName();
            if (node.getTransformationUID() == null || node.getTransformationUID().isEmpty()) {
                problems.add("no uid: " + name);
            }
            if (DEFAULT_NAMES.contains(name)) {
                problems.add("a default name: " + name + " (uid " + node.getTransformationUID() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Operators without identity:\n  " + String.join("\n  ", problems));
        }
    }
}
