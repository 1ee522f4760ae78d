package io.jenkins.plugins.datapipelines;

import hudson.Extension;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jenkins finds a plugin's extensions through the SezPoz index the compiler writes,
 * META-INF/annotations/hudson.Extension: without its entries the step, the job type, its build step, the rollback and
 * history actions and the global configuration would not exist in Jenkins. Read here with SezPoz itself, as Jenkins reads it.
 */
class ExtensionIndexTest {

    @Test
    void theIndexListsEveryDescriptorFactoryAndTheGlobalConfiguration() {
        Set<String> indexed = new TreeSet<>();
        for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, getClass().getClassLoader())) {
            indexed.add(item.className());
        }
        assertThat(indexed).containsExactly(
                "io.jenkins.plugins.datapipelines.CliMavenInstaller$DescriptorImpl",
                "io.jenkins.plugins.datapipelines.CliUrlInstaller$DescriptorImpl",
                "io.jenkins.plugins.datapipelines.DataPipelineBuilder$DescriptorImpl",
                "io.jenkins.plugins.datapipelines.DataPipelineDeployStep$DescriptorImpl",
                "io.jenkins.plugins.datapipelines.DataPipelineProject$DescriptorImpl",
                "io.jenkins.plugins.datapipelines.DataPipelinesCliInstallation$DescriptorImpl",
                "io.jenkins.plugins.datapipelines.DataPipelinesConfiguration",
                "io.jenkins.plugins.datapipelines.DeployOptions$DescriptorImpl",
                "io.jenkins.plugins.datapipelines.DeploymentHistoryAction$Factory",
                "io.jenkins.plugins.datapipelines.RollbackAction$Factory");
    }

    @Test
    void indexedClassesAreWhatJenkinsCanInstantiate() throws Exception {
        for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, getClass().getClassLoader())) {
            Class<?> type = Class.forName(item.className(), false, getClass().getClassLoader());
            assertThat(java.lang.reflect.Modifier.isPublic(type.getModifiers())).as(type + " is public").isTrue();
            assertThat(java.lang.reflect.Modifier.isAbstract(type.getModifiers())).as(type + " is concrete").isFalse();
            assertThat(type.getConstructor().getParameterCount()).as(type + " has a public no-argument constructor").isZero();
        }
    }
}
