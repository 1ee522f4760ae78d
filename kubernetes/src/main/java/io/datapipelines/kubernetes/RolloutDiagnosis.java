package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Why a rollout is stuck, in the words Kubernetes uses: the Deployment's failing conditions (a quota, an
 * admission rejection), each pod that is not ready with its containers' reasons (ImagePullBackOff,
 * CrashLoopBackOff with the last exit code, CreateContainerConfigError for a missing Secret, an
 * unschedulable pod), and the latest warning events of the Deployment, its ReplicaSets and pods. Reading
 * them is best effort: a deployer without the rights to list pods or events still gets the reason.
 */
final class RolloutDiagnosis {
    private static final int MAX_EVENTS = 8;

    private final KubernetesClient client;

    RolloutDiagnosis(KubernetesClient client) {
        this.client = client;
    }

    List<String> explain(DeploymentId id) {
        List<String> lines = new ArrayList<>();
        try {
            Deployment deployment = client.apps().deployments().inNamespace(id.namespace()).withName(id.resourceName()).get();
            if (deployment != null && deployment.getStatus() != null && deployment.getStatus().getConditions() != null) {
                for (DeploymentCondition c : deployment.getStatus().getConditions()) {
                    if ("False".equals(c.getStatus()) || "ReplicaFailure".equals(c.getType())) {
                        lines.add("Deployment condition " + c.getType() + "=" + c.getStatus() + " (" + c.getReason() + "): " + c.getMessage());
                    }
                }
            }
        } catch (KubernetesClientException e) {
            lines.add("(cannot read the Deployment's conditions: HTTP " + e.getCode() + ")");
        }
        try {
            for (Pod pod : client.pods().inNamespace(id.namespace()).withLabels(PipelineLabels.selector(id)).list().getItems()) {
                String problem = podProblem(pod);
                if (problem != null) {
                    lines.add("pod " + pod.getMetadata().getName() + ": " + problem);
                }
            }
        } catch (KubernetesClientException e) {
            lines.add("(cannot list pods: HTTP " + e.getCode() + ")");
        }
        try {
            List<Event> events = new ArrayList<>(client.v1().events().inNamespace(id.namespace()).list().getItems());
            events.removeIf(e -> !"Warning".equals(e.getType()) || e.getInvolvedObject() == null
                    || e.getInvolvedObject().getName() == null || !e.getInvolvedObject().getName().startsWith(id.resourceName()));
            events.sort(Comparator.comparing(RolloutDiagnosis::eventTime).reversed());
            Set<String> seen = new LinkedHashSet<>();
            for (Event e : events) {
                String line = "event " + e.getReason() + " on " + e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName()
                        + ": " + e.getMessage();
                if (seen.size() < MAX_EVENTS) {
                    seen.add(line);
                }
            }
            lines.addAll(seen);
        } catch (KubernetesClientException e) {
            lines.add("(cannot list events: HTTP " + e.getCode() + ")");
        }
        return lines;
    }

    /** What keeps a pod from being ready, or null if it is ready. */
    static String podProblem(Pod pod) {
        if (pod.getStatus() == null) {
            return "no status yet";
        }
        List<String> reasons = new ArrayList<>();
        if (pod.getStatus().getContainerStatuses() != null) {
            for (ContainerStatus c : pod.getStatus().getContainerStatuses()) {
                if (Boolean.TRUE.equals(c.getReady())) {
                    continue;
                }
                StringBuilder text = new StringBuilder("container " + c.getName());
                if (c.getState() != null && c.getState().getWaiting() != null) {
                    text.append(" waiting: ").append(c.getState().getWaiting().getReason());
                    if (c.getState().getWaiting().getMessage() != null) {
                        text.append(" (").append(c.getState().getWaiting().getMessage()).append(')');
                    }
                } else if (c.getState() != null && c.getState().getTerminated() != null) {
                    text.append(" terminated: ").append(c.getState().getTerminated().getReason())
                            .append(", exit code ").append(c.getState().getTerminated().getExitCode());
                } else {
                    text.append(" running, not ready (readiness probe on /readyz failing)");
                }
                if (c.getLastState() != null && c.getLastState().getTerminated() != null) {
                    var last = c.getLastState().getTerminated();
                    text.append("; last exit code ").append(last.getExitCode()).append(" (").append(last.getReason()).append(')');
                    if (last.getMessage() != null && !last.getMessage().isBlank()) {
                        text.append(": ").append(last.getMessage().strip());
                    }
                }
                if (c.getRestartCount() != null && c.getRestartCount() > 0) {
                    text.append("; restarted ").append(c.getRestartCount()).append(" time(s)");
                }
                reasons.add(text.toString());
            }
        }
        if (reasons.isEmpty() && pod.getStatus().getConditions() != null) {
            for (PodCondition c : pod.getStatus().getConditions()) {
                if ("False".equals(c.getStatus()) && c.getReason() != null) {
                    reasons.add(c.getType() + "=False: " + c.getReason() + (c.getMessage() == null ? "" : ": " + c.getMessage()));
                }
            }
        }
        if (reasons.isEmpty()) {
            boolean ready = pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
                    .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
            return ready ? null : "phase " + pod.getStatus().getPhase() + ", not ready";
        }
        return String.join("; ", reasons);
    }

    private static String eventTime(Event e) {
        String time = e.getLastTimestamp() != null ? e.getLastTimestamp() : e.getEventTime() != null ? e.getEventTime().getTime() : e.getFirstTimestamp();
        return time == null ? "" : time;
    }
}
