package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The deployments a job made, newest first, as its page shows them: build, where, Kubernetes revision, digest, time,
 * who, the build's result, and which one is live. Made from the builds' records, without Jenkins.
 *
 * <p>Live means: the newest real deployment (not a dry run) to each namespace/deployment. A deployment is recorded
 * only once the cluster took it (a failed rollout records nothing, and the CLI rolls it back), so the newest record is
 * what runs there, unless someone changed the cluster behind Jenkins' back ({@code datapipelines status} tells).
 */
public final class DeploymentHistory {
    private final List<Row> rows;

    private DeploymentHistory(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** One build's deployments, as read from it. */
    public record Build(int number, Instant time, String who, @CheckForNull String result, List<DeploymentAction> deployments) {
        public Build {
            deployments = List.copyOf(deployments);
        }
    }

    /**
     * One deployment of one build, with JavaBean getters for the job page's view.
     */
    public static final class Row {
        private final int build;
        private final DeploymentAction deployment;
        private final Instant time;
        private final String who;
        private final @CheckForNull String result;
        private final boolean live;

        Row(int build, DeploymentAction deployment, Instant time, String who, @CheckForNull String result, boolean live) {
            this.build = build;
            this.deployment = deployment;
            this.time = time;
            this.who = who;
            this.result = result;
            this.live = live;
        }

        public int getBuild() {
            return build;
        }

        /** {@code NAMESPACE/DEPLOYMENT}. */
        public String getTarget() {
            return deployment.getNamespace() + "/" + deployment.getDeployment();
        }

        /** The deployment's page, relative to its build's. */
        public String getUrlName() {
            return deployment.getUrlName();
        }

        public int getKubernetesRevision() {
            return deployment.getKubernetesRevision();
        }

        public String getImage() {
            return deployment.getImage();
        }

        /** The digest cut to its first 12 hex digits, as images are usually shown. */
        public String getShortDigest() {
            String digest = deployment.getDigest();
            return digest.substring(0, Math.min(digest.length(), "sha256:".length() + 12));
        }

        public Date getTime() {
            return Date.from(time);
        }

        public String getWho() {
            return who;
        }

        /** The build's result, or null while it runs. */
        public @CheckForNull String getResult() {
            return result;
        }

        public boolean isDryRun() {
            return deployment.isDryRun();
        }

        /** The build it rolled back to, or null. */
        public @CheckForNull Integer getRollbackOf() {
            return deployment.getRollbackOf();
        }

        /** Whether it is what runs in the cluster now: the newest real deployment to its target. */
        public boolean isLive() {
            return live;
        }

        @Override
        public String toString() {
            return "#" + build + " " + getTarget() + " r" + getKubernetesRevision() + " " + getShortDigest() + (live ? " live" : "");
        }
    }

    /** @param builds in any order */
    public static DeploymentHistory of(List<Build> builds) {
        List<Build> newestFirst = new ArrayList<>(builds);
        newestFirst.sort(Comparator.comparingInt(Build::number).reversed());
        Set<String> seen = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        for (Build build : newestFirst) {
            // Within a build, the last deployment to a target is the one that stayed.
            List<DeploymentAction> deployments = new ArrayList<>(build.deployments());
            Collections.reverse(deployments);
            List<Row> ofBuild = new ArrayList<>();
            for (DeploymentAction d : deployments) {
                boolean live = !d.isDryRun() && !d.isShadowAborted() && seen.add(d.getNamespace() + "/" + d.getDeployment());
                ofBuild.add(0, new Row(build.number(), d, build.time(), build.who(), build.result(), live));
            }
            rows.addAll(ofBuild);
        }
        return new DeploymentHistory(rows);
    }

    public List<Row> getRows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
