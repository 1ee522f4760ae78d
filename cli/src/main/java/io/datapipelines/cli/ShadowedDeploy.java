package io.datapipelines.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datapipelines.kubernetes.ApplyStamp;
import io.datapipelines.kubernetes.DeployResult;
import io.datapipelines.kubernetes.DeploymentId;
import io.datapipelines.kubernetes.KafkaCredentials;
import io.datapipelines.kubernetes.PipelineDeployer;
import io.datapipelines.kubernetes.PipelineDeployment;
import io.datapipelines.kubernetes.Revision;
import io.datapipelines.kubernetes.RolloutPolicy;
import io.datapipelines.kubernetes.ShadowDeployer;
import io.datapipelines.kubernetes.StoredRevision;
import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.InvalidDefinitionException;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.model.ShadowThresholds;
import io.datapipelines.runtime.shadow.ShadowSettings;
import io.datapipelines.runtime.shadow.ShadowSummary;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code deploy --shadow}: starts the shadow of the new revision beside the live one ({@link ShadowDeployer}),
 * reads its summaries from the diff topic ({@link ShadowSummaryWatch}) until it has compared the threshold's
 * records or the timeout passes, removes it (always: also on Ctrl-C, through a shutdown hook, and on any
 * failure), then promotes the new revision with the normal rolling deploy, or aborts leaving the live
 * revision untouched (exit 1 with the report).
 */
final class ShadowedDeploy {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
    static final String ABORTED = "shadow-aborted";

    private final KubernetesClient client;
    private final Properties kafka;
    private final OutputFormat output;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Clock clock;

    ShadowedDeploy(KubernetesClient client, Properties kafka, OutputFormat output, PrintWriter out, PrintWriter err, Clock clock) {
        this.client = client;
        this.kafka = kafka;
        this.output = output;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    int run(PipelineDeployment target, KafkaCredentials credentials, ApplyStamp stamp, RolloutPolicy policy, ShadowThresholds thresholds)
            throws InterruptedException {
        DeploymentId id = target.id();
        PipelineDeployer deployer = new PipelineDeployer(client, err::println);
        Optional<StoredRevision> live = deployer.live(id);
        if (live.isEmpty()) {
            err.println("no live revision of " + id + " to compare with: deploying without a shadow");
            return print(deployer.deploy(target, credentials, stamp, policy), null);
        }
        Revision liveRevision = live.get().revision();
        if (liveRevision.revisionHash().equals(target.revisionHash()) && liveRevision.image().equals(target.image().pinned())) {
            err.println(id + " already runs this definition and image as revision " + liveRevision.number() + ": nothing for a shadow to compare");
            return print(deployer.deploy(target, credentials, stamp, policy), null);
        }
        if (live.get().definition() == null) {
            err.println("datapipelines: revision " + liveRevision.number() + " of " + id + " has no recorded definition (it was deployed by an"
                    + " older datapipelines): cannot run a shadow of it; deploy without --shadow once");
            return ExitCodes.FAILED;
        }
        PipelineDefinition liveDefinition;
        try {
            liveDefinition = new DefinitionParser().parse(live.get().definition(), "revision " + liveRevision.number() + " of " + id, null);
        } catch (InvalidDefinitionException e) {
            err.println("datapipelines: the recorded definition of revision " + liveRevision.number() + " of " + id + " is not valid: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        String diffTopic = ShadowSettings.diffTopic(liveDefinition, id.deployment());
        err.println("shadow of " + id + ": revision " + liveRevision.number() + " (" + liveRevision.image() + ") against " + target.image().pinned()
                + ", consumer group " + ShadowSettings.consumerGroup(liveDefinition, id.deployment()) + ", summaries on " + diffTopic
                + "; until " + thresholds.records() + " record(s) or " + io.datapipelines.model.Durations.format(thresholds.timeout()));
        forgetEarlierShadow(ShadowSettings.consumerGroup(liveDefinition, id.deployment()));
        ShadowDeployer shadows = new ShadowDeployer(client, err::println);
        Optional<ShadowSummary> summary;
        List<Map<String, Object>> samples;
        try (ShadowSummaryWatch watch = ShadowSummaryWatch.open(kafka, diffTopic, liveDefinition.name(), id.deployment(), KAFKA_TIMEOUT, err::println)) {
            summary = withShadow(shadows, id, () -> {
                Instant deadline = clock.instant().plus(thresholds.timeout());
                shadows.start(target, live.get().definition(), credentials);
                return watch.await(thresholds.records(), deadline, clock);
            });
            samples = watch.samples();
        }
        ShadowVerdict verdict = ShadowVerdict.of(thresholds, summary.orElse(null), samples);
        if (verdict.within()) {
            verdict.lines().forEach(err::println);
            err.println("promoting " + target.image().pinned() + " to " + id);
            return print(deployer.deploy(target, credentials, stamp, policy), verdict);
        }
        err.println("datapipelines: shadow of " + id + " aborted; revision " + liveRevision.number() + " stays live: " + String.join("; ", verdict.violations()));
        if (output == OutputFormat.json) {
            ObjectNode node = JSON.createObjectNode();
            node.put("namespace", id.namespace());
            node.put("deployment", id.deployment());
            node.put("revision", liveRevision.number());
            node.put("image", liveRevision.image());
            node.putObject("replicas").put("min", liveRevision.replicas().min()).put("max", liveRevision.replicas().max());
            node.put("status", ABORTED);
            node.set("shadow", JSON.valueToTree(verdict.json()));
            out.println(node);
        } else {
            verdict.lines().forEach(out::println);
            out.println(id.pipeline() + "/" + id.deployment() + " in namespace " + id.namespace() + ": " + ABORTED + ", revision "
                    + liveRevision.number() + " (" + liveRevision.image() + ") stays live");
        }
        out.flush();
        return ExitCodes.FAILED;
    }

    /**
     * Deletes the consumer group an earlier shadow left behind, so this one starts at the end of the source (live
     * traffic from now on) rather than at the offsets where the earlier one stopped, possibly long ago.
     */
    private void forgetEarlierShadow(String group) throws InterruptedException {
        try (Admin admin = Admin.create(kafka)) {
            admin.deleteConsumerGroups(List.of(group)).all().get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            err.println("deleted the consumer group " + group + " of an earlier shadow");
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                err.println("warning: cannot delete the consumer group " + group + " of an earlier shadow (" + e.getCause().getMessage()
                        + "): the shadow goes on from its offsets");
            }
        } catch (TimeoutException e) {
            err.println("warning: Kafka did not answer within " + KAFKA_TIMEOUT.toSeconds() + " s when deleting the consumer group " + group
                    + " of an earlier shadow: the shadow goes on from its offsets");
        }
    }

    @FunctionalInterface
    interface ShadowWork<T> {
        T run() throws InterruptedException;
    }

    /** Runs {@code work} with the shadow removed afterwards whatever happens: returns, throws, or the JVM is stopped (Ctrl-C). */
    private <T> T withShadow(ShadowDeployer shadows, DeploymentId id, ShadowWork<T> work) throws InterruptedException {
        AtomicBoolean removed = new AtomicBoolean();
        Runnable remove = () -> {
            if (removed.compareAndSet(false, true)) {
                err.println("removing the shadow of " + id);
                shadows.remove(id);
                err.flush();
            }
        };
        Thread hook = new Thread(remove, "datapipelines-shadow-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.run();
        } finally {
            try {
                remove.run();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is stopping: the hook runs (and finds the shadow removed).
                }
            }
        }
    }

    private int print(DeployResult result, ShadowVerdict verdict) {
        if (verdict == null || output != OutputFormat.json) {
            return DeployReport.print(result, output, out, err);
        }
        if (result.failure() != null) {
            err.println("datapipelines: " + result.failure());
        }
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(DeploymentJson.of(result));
            node.set("shadow", JSON.valueToTree(verdict.json()));
            out.println(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
        return result.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
