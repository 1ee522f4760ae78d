package io.datapipelines.kubernetes;

import io.datapipelines.model.CanonicalForm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Deploys pipelines and rolls them back, Helm-style: every apply that changes something is a new numbered
 * revision in the history ({@link RevisionHistory}); applying what is already live records nothing new; a
 * rollback re-applies an old revision's manifests as a new revision (no image is built); a failed rollout
 * is rolled back to the revision that was live before, unless that is turned off.
 */
public final class PipelineDeployer {
    private final KubernetesClient client;
    private final Consumer<String> progress;
    private final Duration pollInterval;
    private final Clock clock;

    public PipelineDeployer(KubernetesClient client, Consumer<String> progress) {
        this(client, progress, Duration.ofSeconds(2), Clock.systemUTC());
    }

    public PipelineDeployer(KubernetesClient client, Consumer<String> progress, Duration pollInterval, Clock clock) {
        this.client = client;
        this.progress = progress;
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    public DeployResult deploy(PipelineDeployment deployment, ApplyStamp stamp, RolloutPolicy policy) {
        return deploy(deployment, null, stamp, policy);
    }

    /**
     * Deploys, first writing the Kafka credentials into the deployment's own Secret when the deployment logs in
     * with them ({@link DeploymentOptions#kafkaSasl()}). New credentials are a new generation of the Secret and so a
     * new revision (the pods restart to read them); the same credentials change nothing.
     *
     * @param credentials the pods' Kafka login, exactly when {@code deployment} has SASL settings
     * @throws IllegalArgumentException when credentials and SASL settings do not go together
     */
    public DeployResult deploy(PipelineDeployment deployment, KafkaCredentials credentials, ApplyStamp stamp, RolloutPolicy policy) {
        KafkaSasl sasl = deployment.options().kafkaSasl();
        if (sasl == null && credentials != null) {
            throw new IllegalArgumentException("Kafka credentials given for a deployment without SASL settings");
        }
        if (sasl != null) {
            if (credentials == null) {
                throw new IllegalArgumentException("the deployment logs in to Kafka with SASL " + sasl.mechanism() + " but no credentials were given");
            }
            if (!credentials.sasl().equals(sasl.withoutGeneration())) {
                throw new IllegalArgumentException("the Kafka credentials are for " + credentials.sasl().mechanism() + " over "
                        + credentials.sasl().securityProtocol() + ", the deployment's settings say " + sasl.mechanism() + " over "
                        + sasl.securityProtocol());
            }
            DeploymentId target = deployment.id();
            Deployment existing = ApiErrors.call("read Deployment " + target.resourceName(), target.namespace(),
                    () -> client.apps().deployments().inNamespace(target.namespace()).withName(target.resourceName()).get());
            if (existing != null) {
                ResourceApplier.requireOurs(target, ManagedKind.DEPLOYMENT, existing); // before the Secret is written
            }
            int generation = new KafkaCredentialsSecret(client, progress).apply(target, credentials);
            deployment = deployment.withOptions(deployment.options().withKafkaSasl(sasl.withGeneration(generation)));
        }
        DeploymentId id = deployment.id();
        PipelineManifests manifests = PipelineManifests.render(deployment);
        String fingerprint = manifests.fingerprint();
        RevisionHistory history = new RevisionHistory(client, id);
        Optional<Revision> live = liveRevision(id, history);
        if (live.isPresent() && live.get().fingerprint().equals(fingerprint) && live.get().status() != RevisionStatus.FAILED) {
            return reapplyUnchanged(id, history, live.get(), manifests, policy);
        }
        Revision revision = new Revision(0, deployment.image().pinned(), deployment.revisionHash(), deployment.replicas(),
                clock.instant(), stamp.cause(), stamp.buildUrl(), RevisionStatus.APPLIED, fingerprint);
        return applyNew(id, history, revision, manifests, CanonicalForm.json(deployment.definition()), stamp, policy, live, true);
    }

    /**
     * Re-applies revision {@code number} as a new revision.
     *
     * @throws IllegalArgumentException if there is no such revision (naming those there are)
     */
    public DeployResult rollback(DeploymentId id, int number, ApplyStamp stamp, RolloutPolicy policy) {
        RevisionHistory history = new RevisionHistory(client, id);
        StoredRevision target = history.get(number).orElseThrow(() -> noSuchRevision(history, id, number));
        ApplyStamp rollbackStamp = stamp.cause() != null ? stamp : new ApplyStamp(0, "rollback to revision " + number, stamp.buildUrl());
        Revision old = target.revision();
        Revision revision = new Revision(0, old.image(), old.revisionHash(), old.replicas(), clock.instant(), rollbackStamp.cause(),
                rollbackStamp.buildUrl(), RevisionStatus.APPLIED, old.fingerprint());
        progress.accept("rolling " + id + " back to revision " + number + " (" + old.image() + ")");
        return applyNew(id, history, revision, target.manifests(), target.definition(), rollbackStamp, policy, liveRevision(id, history), true);
    }

    private DeployResult applyNew(DeploymentId id, RevisionHistory history, Revision draft, PipelineManifests manifests, String definition,
                                  ApplyStamp stamp,
                                  RolloutPolicy policy, Optional<Revision> previous, boolean mayRollBack) {
        Deployment existing = ApiErrors.call("read Deployment " + id.resourceName(), id.namespace(),
                () -> client.apps().deployments().inNamespace(id.namespace()).withName(id.resourceName()).get());
        if (existing != null) {
            ResourceApplier.requireOurs(id, ManagedKind.DEPLOYMENT, existing); // before anything is recorded
        }
        int number = nextNumber(id, history);
        Revision revision = new Revision(number, draft.image(), draft.revisionHash(), draft.replicas(), draft.time(), draft.cause(),
                draft.buildUrl(), RevisionStatus.APPLIED, draft.fingerprint());
        history.record(revision, manifests, definition);
        progress.accept("applying revision " + number + " of " + id + ": " + revision.image());
        try {
            new ResourceApplier(client, progress).apply(id, manifests.stamped(stamp.withRevision(number)));
        } catch (RuntimeException e) {
            try {
                history.setStatus(number, RevisionStatus.FAILED);
            } catch (RuntimeException recording) {
                e.addSuppressed(recording); // the apply's failure is the one to report
            }
            throw e;
        }
        if (!policy.await()) {
            history.supersedeAllBut(number);
            history.prune(policy.historyMax(), number);
            return result(id, revision, DeployResult.APPLIED, null, List.of());
        }
        RolloutOutcome outcome = new RolloutWaiter(client, pollInterval).await(id, policy.timeout(), progress);
        if (outcome.succeeded()) {
            history.setStatus(number, RevisionStatus.DEPLOYED);
            history.supersedeAllBut(number);
            history.prune(policy.historyMax(), number);
            progress.accept("revision " + number + " is deployed");
            return result(id, revision, DeployResult.DEPLOYED, null, List.of());
        }
        history.setStatus(number, RevisionStatus.FAILED);
        progress.accept("revision " + number + " failed: " + outcome.reason());
        outcome.diagnosis().forEach(line -> progress.accept("  " + line));
        if (!mayRollBack || !policy.autoRollback() || previous.isEmpty()) {
            if (mayRollBack && policy.autoRollback()) {
                progress.accept("no earlier revision to roll back to");
            }
            return result(id, revision, DeployResult.FAILED, outcome.reason(), outcome.diagnosis());
        }
        int back = previous.get().number();
        Optional<StoredRevision> stored = history.get(back);
        if (stored.isEmpty()) {
            progress.accept("revision " + back + " is no longer in the history: cannot roll back to it");
            return result(id, revision, DeployResult.FAILED, outcome.reason(), outcome.diagnosis());
        }
        progress.accept("rolling back automatically to revision " + back);
        Revision old = stored.get().revision();
        ApplyStamp rollbackStamp = new ApplyStamp(0, "automatic rollback to revision " + back + " after revision " + number + " failed",
                stamp.buildUrl());
        Revision rollback = new Revision(0, old.image(), old.revisionHash(), old.replicas(), clock.instant(), rollbackStamp.cause(),
                rollbackStamp.buildUrl(), RevisionStatus.APPLIED, old.fingerprint());
        DeployResult restored = applyNew(id, history, rollback, stored.get().manifests(), stored.get().definition(), rollbackStamp, policy,
                Optional.empty(), false);
        String status = restored.succeeded() ? DeployResult.ROLLED_BACK : DeployResult.FAILED;
        String failure = "revision " + number + " failed: " + outcome.reason()
                + (restored.succeeded() ? "; rolled back to revision " + back + " as revision " + restored.revision()
                : "; the rollback to revision " + back + " failed too: " + restored.failure());
        return new DeployResult(id, restored.revision(), restored.image(), restored.replicas(), status, failure, outcome.diagnosis());
    }

    private DeployResult reapplyUnchanged(DeploymentId id, RevisionHistory history, Revision live, PipelineManifests manifests,
                                          RolloutPolicy policy) {
        progress.accept(id + " already runs these manifests as revision " + live.number() + ": no new revision");
        // Applied again all the same, to undo any drift (someone editing the Deployment by hand), with the live revision's stamp.
        new ResourceApplier(client, progress).apply(id, manifests.stamped(new ApplyStamp(live.number(), live.cause(), live.buildUrl())));
        if (!policy.await()) {
            return result(id, live, DeployResult.UNCHANGED, null, List.of());
        }
        RolloutOutcome outcome = new RolloutWaiter(client, pollInterval).await(id, policy.timeout(), progress);
        if (outcome.succeeded()) {
            if (live.status() == RevisionStatus.APPLIED) {
                history.setStatus(live.number(), RevisionStatus.DEPLOYED);
            }
            return result(id, live, DeployResult.UNCHANGED, null, List.of());
        }
        return result(id, live, DeployResult.FAILED, outcome.reason(), outcome.diagnosis());
    }

    /** The revision the Deployment says is live, with its manifests and definition, if the history has it. */
    public Optional<StoredRevision> live(DeploymentId id) {
        Integer number = liveRevisionNumber(id);
        return number == null ? Optional.empty() : new RevisionHistory(client, id).get(number);
    }

    /** The revision the Deployment says is live, if the history has it. */
    private Optional<Revision> liveRevision(DeploymentId id, RevisionHistory history) {
        Integer number = liveRevisionNumber(id);
        if (number == null) {
            return Optional.empty();
        }
        return history.list().stream().filter(r -> r.number() == number).findFirst();
    }

    private Integer liveRevisionNumber(DeploymentId id) {
        Deployment live = ApiErrors.call("read Deployment " + id.resourceName(), id.namespace(),
                () -> client.apps().deployments().inNamespace(id.namespace()).withName(id.resourceName()).get());
        if (live == null || live.getMetadata().getAnnotations() == null) {
            return null;
        }
        String value = live.getMetadata().getAnnotations().get(PipelineAnnotations.REVISION);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private int nextNumber(DeploymentId id, RevisionHistory history) {
        int highest = history.list().stream().mapToInt(Revision::number).max().orElse(0);
        Integer live = liveRevisionNumber(id);
        return Math.max(highest, live == null ? 0 : live) + 1;
    }

    private static DeployResult result(DeploymentId id, Revision revision, String status, String failure, List<String> diagnosis) {
        return new DeployResult(id, revision.number(), revision.image(), revision.replicas(), status, failure, diagnosis);
    }

    private static IllegalArgumentException noSuchRevision(RevisionHistory history, DeploymentId id, int number) {
        List<Revision> all = history.list();
        String known = all.isEmpty() ? "it has no history" : "its revisions are " + all.stream().map(r -> String.valueOf(r.number()))
                .collect(Collectors.joining(", "));
        return new IllegalArgumentException("revision " + number + " of " + id + " does not exist: " + known);
    }
}
