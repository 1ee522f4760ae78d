package io.datapipelines.benchmarks.kafka;

import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.InvalidDefinitionException;
import io.datapipelines.runtime.local.LocalTopology;
import io.datapipelines.runtime.topology.PipelineMetrics;

import java.util.Map;
import java.util.Optional;

/**
 * Whether this build's runtime can run a workload's definition at all: it must parse and turn one
 * benchmark record into one sink record. A workload naming a Python engine this build does not have
 * (the {@code engine} key before the engine work is merged) is then skipped with the reason, and the
 * report says it was not measured, instead of the whole benchmark failing on its first run.
 */
final class WorkloadProbe {
    private WorkloadProbe() {
    }

    /** Empty if the workload can run; otherwise why not, on one line. */
    static Optional<String> whyNot(Workload workload, String guarantee) {
        if (!workload.isPipeline()) {
            return Optional.empty();
        }
        String name = workload.pipelineName();
        try {
            var definition = new DefinitionParser().parse(workload.definition(name, "orders", "out", "dlq", guarantee), name + ".yaml", null);
            try (LocalTopology topology = new LocalTopology(definition, PipelineMetrics.NONE)) {
                LocalTopology.Result result = topology.send(OrderRecords.key(0), OrderRecords.value(0), Map.of(), null);
                if (result.sink().size() != 1 || !result.deadLetters().isEmpty()) {
                    return Optional.of("one benchmark record gave " + result.sink().size() + " sink record(s) and "
                            + result.deadLetters().size() + " dead letter(s)");
                }
            }
            return Optional.empty();
        } catch (InvalidDefinitionException e) {
            return Optional.of("this build rejects its definition: " + e.getMessage().lines().findFirst().orElse(""));
        } catch (RuntimeException e) {
            return Optional.of("this build cannot run it: " + e);
        }
    }
}
