package io.jenkins.plugins.datapipelines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The record of one deployment on the build that made it: which pipeline revision, where, which image (by
 * digest), which Kubernetes revision it became, and the canonical definition itself. Every field is final and
 * stored with the build, so the record says what was deployed even after the workspace, the repository or the
 * cluster changed. Shown in the build's summary ({@code summary.jelly}) and page ({@code index.jelly}), and in
 * its REST API ({@code api/json}).
 */
@ExportedBean
public final class DeploymentAction implements RunAction2 {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String pipeline;
    private final String deployment;
    private final String namespace;
    private final String imageRepository;
    private final String digest;
    private final String revisionHash;
    private final int kubernetesRevision;
    private final String status;
    private final boolean dryRun;
    private final String definitionFile;
    private final String canonicalDefinition;
    /** The effective settings it was deployed with (no secrets: credential ids), for a rollback; null in older records. */
    private final @CheckForNull DeployParameters settings;
    /** The build whose deployment this one rolled back to, or null for a deployment of its own. */
    private final @CheckForNull Integer rollbackOf;
    /** What the deployment's shadow said; null when no shadow ran (and in records made before shadows were recorded). */
    private final @CheckForNull ShadowReport shadow;

    private transient Run<?, ?> run;

    public DeploymentAction(DeploymentRecord record, String definitionFile, String canonicalDefinition) {
        this(record, definitionFile, canonicalDefinition, null, null);
    }

    /**
     * @param settings   the effective settings, recorded so that a rollback redeploys with them
     * @param rollbackOf the build number this deployment rolled back to, or null
     */
    public DeploymentAction(DeploymentRecord record, String definitionFile, String canonicalDefinition, @CheckForNull DeployParameters settings,
                            @CheckForNull Integer rollbackOf) {
        this(record, definitionFile, canonicalDefinition, settings, rollbackOf, null);
    }

    /** @param shadow what the deployment's shadow said, or null when none ran */
    public DeploymentAction(DeploymentRecord record, String definitionFile, String canonicalDefinition, @CheckForNull DeployParameters settings,
                            @CheckForNull Integer rollbackOf, @CheckForNull ShadowReport shadow) {
        this.pipeline = record.pipeline();
        this.deployment = record.deployment();
        this.namespace = record.namespace();
        this.imageRepository = record.image().repository();
        this.digest = record.image().digest();
        this.revisionHash = record.revisionHash();
        this.kubernetesRevision = record.kubernetesRevision();
        this.status = record.status();
        this.dryRun = record.dryRun();
        this.definitionFile = definitionFile;
        this.canonicalDefinition = canonicalDefinition;
        this.settings = settings;
        this.rollbackOf = rollbackOf;
        this.shadow = shadow;
    }

    /** The recorded deployment, as the deployment logic takes it (to deploy the same image again, say). */
    public DeploymentRecord toRecord() {
        return new DeploymentRecord(pipeline, deployment, namespace, new ImageReference(imageRepository, digest), revisionHash,
                kubernetesRevision, status, dryRun);
    }

    @Exported
    public String getPipeline() {
        return pipeline;
    }

    @Exported
    public String getDeployment() {
        return deployment;
    }

    @Exported
    public String getNamespace() {
        return namespace;
    }

    /** The image by digest: {@code REPOSITORY@sha256:...}. */
    @Exported
    public String getImage() {
        return imageRepository + "@" + digest;
    }

    @Exported
    public String getDigest() {
        return digest;
    }

    /** SHA-256 of the canonical definition. */
    @Exported
    public String getRevisionHash() {
        return revisionHash;
    }

    /** The Kubernetes revision this deployment became (0 for a dry run). */
    @Exported
    public int getKubernetesRevision() {
        return kubernetesRevision;
    }

    @Exported
    public String getStatus() {
        return status;
    }

    @Exported
    public boolean isDryRun() {
        return dryRun;
    }

    /** The workspace path the definition was read from. */
    @Exported
    public String getDefinitionFile() {
        return definitionFile;
    }

    /** The settings it was deployed with, or null for a record made before they were recorded. */
    public @CheckForNull DeployParameters getSettings() {
        return settings;
    }

    /** The number of the build this deployment rolled back to, or null when it deployed a build of its own. */
    @Exported
    public @CheckForNull Integer getRollbackOf() {
        return rollbackOf;
    }

    /** What the deployment's shadow said, or null when it ran none. */
    public @CheckForNull ShadowReport getShadow() {
        return shadow;
    }

    /** Whether the shadow aborted this deployment: the image was built, nothing was deployed, the live revision stayed. */
    @Exported
    public boolean isShadowAborted() {
        return ShadowReport.ABORTED.equals(status);
    }

    /** The canonical definition, exactly as deployed (its SHA-256 is {@link #getRevisionHash()}). */
    public String getCanonicalDefinition() {
        return canonicalDefinition;
    }

    /** The canonical definition indented for reading. */
    public String getCanonicalDefinitionForDisplay() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(canonicalDefinition));
        } catch (JsonProcessingException e) {
            return canonicalDefinition;
        }
    }

    public @CheckForNull Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return "symbol-cube";
    }

    @Override
    public String getDisplayName() {
        return Messages.DeploymentAction_DisplayName(namespace, deployment);
    }

    /**
     * {@code data-pipeline-NAMESPACE-DEPLOYMENT}; unique within its build: a build that deployed the same (or a
     * same-looking) namespace/deployment twice gets {@code -2}, {@code -3}... on the later records, so each record
     * has a page of its own (Stapler serves the first action whose URL name matches).
     */
    @Override
    public String getUrlName() {
        if (run == null) {
            return baseUrlName();
        }
        List<DeploymentAction> siblings = run.getActions(DeploymentAction.class);
        int index = siblings.indexOf(this);
        return index < 0 ? baseUrlName() : urlNames(siblings).get(index);
    }

    private String baseUrlName() {
        return "data-pipeline-" + namespace + "-" + deployment;
    }

    /** The URL names of a build's records, in their order: each its base name, or that with the first free suffix. */
    static List<String> urlNames(List<DeploymentAction> records) {
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>(records.size());
        for (DeploymentAction record : records) {
            String base = record.baseUrlName();
            String name = base;
            for (int suffix = 2; !taken.add(name); suffix++) {
                name = base + "-" + suffix;
            }
            names.add(name);
        }
        return names;
    }
}
