package io.datapipelines.kubernetes;

import java.util.List;

/** How a rollout ended: complete, or failed with the reason and what the pods and events say. */
public record RolloutOutcome(boolean succeeded, String reason, List<String> diagnosis) {
    public RolloutOutcome {
        diagnosis = List.copyOf(diagnosis);
    }

    static RolloutOutcome success() {
        return new RolloutOutcome(true, null, List.of());
    }
}
