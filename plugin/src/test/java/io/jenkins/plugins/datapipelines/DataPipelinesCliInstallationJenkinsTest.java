package io.jenkins.plugins.datapipelines;

import hudson.tools.InstallSourceProperty;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The "Data Pipelines CLI" tool installation: Configuration as Code (the docs' example) and the Tools page's round trip. */
@WithJenkinsConfiguredWithCode
class DataPipelinesCliInstallationJenkinsTest {

    @Test
    @ConfiguredWithCode("configuration-as-code-cli-tool.yml")
    void isConfiguredAsCodeAndSurvivesTheToolsPage(JenkinsConfiguredWithCodeRule r) throws Exception {
        DataPipelinesCliInstallation.DescriptorImpl descriptor = r.jenkins.getDescriptorByType(DataPipelinesCliInstallation.DescriptorImpl.class);
        assertInstallations(descriptor.getInstallations());
        r.configRoundtrip(); // the global configuration pages, saved again as they are shown
        r.submit(r.createWebClient().goTo("manage/configureTools/").getFormByName("config"));
        assertInstallations(descriptor.getInstallations());
    }

    private static void assertInstallations(DataPipelinesCliInstallation[] installations) {
        assertEquals(3, installations.length);
        CliUrlInstaller url = installations[0].getProperties().get(InstallSourceProperty.class).installers.get(CliUrlInstaller.class);
        assertEquals("datapipelines", installations[0].getName());
        assertEquals("https://mirror.example.com/datapipelines/datapipelines-cli-1.0.0-distribution.zip", url.getUrl());
        assertEquals("1".repeat(64), url.getSha256());
        CliMavenInstaller maven = installations[1].getProperties().get(InstallSourceProperty.class).installers.get(CliMavenInstaller.class);
        assertEquals("1.0.0", maven.getVersion());
        assertEquals("io.datapipelines", maven.getGroupId());
        assertEquals("distribution", maven.getClassifier());
        assertEquals("/opt/datapipelines", installations[2].getHome());
        assertNull(installations[2].getProperties().get(InstallSourceProperty.class));
    }
}
