package dev.streamlake.core.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

class KeyedEventTimeTest {

    @Test
    void theFloorRunsChainedInFrontOfTheKeyedStepWithAUidOfItsOwn() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        KeyedEventTime.keyBy(env.fromData("a", "b", "a"), value -> value, Types.STRING, "counting")
                .process(new CountPerKey())
                .uid("counting")
                .name("Counting")
                .sinkTo(new DiscardingSink<>());

        StreamGraph graph = env.getStreamGraph();
        List<String> uids = graph.getStreamNodes().stream()
                .map(StreamNode::getTransformationUID)
                .collect(Collectors.toList());
        assertThat(uids).contains("counting-event-time-floor", "counting");

        JobGraph jobGraph = graph.getJobGraph();
        JobVertex floorAndStep = null;
        for (JobVertex vertex : jobGraph.getVertices()) {
            if (vertex.getName().contains("Event-time floor")) {
                floorAndStep = vertex;
            }
        }
        assertThat(floorAndStep).as("a task holding the floor").isNotNull();
        assertThat(floorAndStep.getName()).as("the keyed step runs in the same task").contains("Counting");
    }

    private static final class CountPerKey extends KeyedProcessFunction<String, String, String> {
        @Override
        public void processElement(String value, Context context, Collector<String> out) {
            out.collect(value);
        }
    }
}
