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
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Downloads the CLI distribution zip from a URL (the project's release, or an internal mirror on an air-gapped site),
 * checks it against the SHA-256 given here, and caches it on each node per version
 * ({@code AGENT-ROOT/tools/...DataPipelinesCliInstallation/NAME/VERSION/}).
 */
public final class CliUrlInstaller extends ToolInstaller implements CliDistributionInstaller {
    private final String url;
    private final String sha256;

    @DataBoundConstructor
    public CliUrlInstaller(@CheckForNull String label, String url, String sha256) {
        super(label);
        this.url = Strings.trimToNull(url);
        this.sha256 = Strings.trimToNull(sha256);
    }

    public String getUrl() {
        return url;
    }

    public String getSha256() {
        return sha256;
    }

    @Override
    public CliDistribution distribution() throws IOException {
        return new CliDistribution(toUrl(url), sha256);
    }

    static java.net.URL toUrl(@CheckForNull String url) throws MalformedURLException {
        if (url == null) {
            throw new MalformedURLException("the CLI distribution's URL is empty");
        }
        try {
            return new URI(url).toURL();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new MalformedURLException("not a URL: '" + url + "' (" + e.getMessage() + ")");
        }
    }

    @Override
    public FilePath performInstallation(ToolInstallation tool, Node node, TaskListener log) throws IOException, InterruptedException {
        return CliDistributionInstaller.install(this, preferredLocation(tool, node), node, log);
    }

    @Extension
    @Symbol("datapipelinesCliUrl")
    public static final class DescriptorImpl extends CliDistributionInstallerDescriptor<CliUrlInstaller> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CliUrlInstaller_DisplayName();
        }

        @POST
        public FormValidation doCheckUrl(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FieldChecks.distributionUrl(value);
        }
    }
}
