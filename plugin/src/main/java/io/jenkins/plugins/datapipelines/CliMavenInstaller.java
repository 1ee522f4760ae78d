package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.tools.ToolInstallation;
import hudson.tools.ToolInstaller;
import hudson.util.FormValidation;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.io.IOException;

/**
 * Downloads the CLI distribution zip of a release from a Maven repository by coordinates (by default
 * {@code io.datapipelines:datapipelines-cli:VERSION:distribution@zip}; Maven Central or an internal Nexus or
 * Artifactory), checks it against the SHA-256 given here, and caches it on each node per version.
 */
public final class CliMavenInstaller extends ToolInstaller implements CliDistributionInstaller {
    private final String repositoryUrl;
    private final String version;
    private final String sha256;
    private String groupId = MavenArtifact.DEFAULT_GROUP_ID;
    private String artifactId = MavenArtifact.DEFAULT_ARTIFACT_ID;
    private String classifier = MavenArtifact.DEFAULT_CLASSIFIER;

    @DataBoundConstructor
    public CliMavenInstaller(@CheckForNull String label, String repositoryUrl, String version, String sha256) {
        super(label);
        this.repositoryUrl = Strings.trimToNull(repositoryUrl);
        this.version = Strings.trimToNull(version);
        this.sha256 = Strings.trimToNull(sha256);
    }

    /** XStream does not run field initialisers: an installer stored without them gets the defaults here. */
    private Object readResolve() {
        if (groupId == null) {
            groupId = MavenArtifact.DEFAULT_GROUP_ID;
        }
        if (artifactId == null) {
            artifactId = MavenArtifact.DEFAULT_ARTIFACT_ID;
        }
        if (classifier == null) {
            classifier = MavenArtifact.DEFAULT_CLASSIFIER;
        }
        return this;
    }

    public String getRepositoryUrl() {
        return repositoryUrl;
    }

    public String getVersion() {
        return version;
    }

    public String getSha256() {
        return sha256;
    }

    public String getGroupId() {
        return groupId;
    }

    @DataBoundSetter
    public void setGroupId(@CheckForNull String groupId) {
        String value = Strings.trimToNull(groupId);
        this.groupId = value == null ? MavenArtifact.DEFAULT_GROUP_ID : value;
    }

    public String getArtifactId() {
        return artifactId;
    }

    @DataBoundSetter
    public void setArtifactId(@CheckForNull String artifactId) {
        String value = Strings.trimToNull(artifactId);
        this.artifactId = value == null ? MavenArtifact.DEFAULT_ARTIFACT_ID : value;
    }

    public String getClassifier() {
        return classifier;
    }

    @DataBoundSetter
    public void setClassifier(@CheckForNull String classifier) {
        String value = Strings.trimToNull(classifier);
        this.classifier = value == null ? MavenArtifact.DEFAULT_CLASSIFIER : value;
    }

    /** The coordinates, checked. */
    public MavenArtifact artifact() throws IOException {
        try {
            return new MavenArtifact(repositoryUrl, groupId, artifactId, version, classifier, MavenArtifact.TYPE);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public CliDistribution distribution() throws IOException {
        return new CliDistribution(artifact().url(), sha256);
    }

    @Override
    public FilePath performInstallation(ToolInstallation tool, Node node, TaskListener log) throws IOException, InterruptedException {
        return CliDistributionInstaller.install(this, preferredLocation(tool, node), node, log);
    }

    @Extension
    @Symbol("datapipelinesCliMaven")
    public static final class DescriptorImpl extends CliDistributionInstallerDescriptor<CliMavenInstaller> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CliMavenInstaller_DisplayName();
        }

        @POST
        public FormValidation doCheckRepositoryUrl(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FieldChecks.distributionUrl(value);
        }

        @POST
        public FormValidation doCheckVersion(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FieldChecks.releaseVersion(value);
        }
    }
}
