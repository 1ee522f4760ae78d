package io.jenkins.plugins.datapipelines;

import hudson.model.Cause;
import hudson.model.Job;
import hudson.model.Run;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transient action factories and causes, checked where Jenkins' own objects cannot be created: a job made without
 * its (stand-in) constructor whose build accessors fail when called.
 */
class ActionFactoriesTest {
    /** A job that has builds only if someone loads them: each accessor fails the test. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class JobThatMustNotLoadBuilds extends Job {
        private JobThatMustNotLoadBuilds() {
            super(null, "never constructed"); // allocated without a constructor, below
        }

        @Override
        public Run getLastBuild() {
            throw new AssertionError("loaded the job's last build");
        }

        @Override
        public Run getBuildByNumber(int n) {
            throw new AssertionError("loaded build #" + n);
        }
    }

    /** As XStream creates objects: no constructor runs (the stand-ins' throw). */
    private static <T> T allocate(Class<T> type) throws Exception {
        Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        return type.cast(((sun.misc.Unsafe) field.get(null)).allocateInstance(type));
    }

    @Test
    void listingAJobsActionsLoadsNoBuild() throws Exception {
        Job<?, ?> job = allocate(JobThatMustNotLoadBuilds.class);
        var actions = allocate(DeploymentHistoryAction.Factory.class).createFor(job);
        assertThat(actions).singleElement().isInstanceOf(DeploymentHistoryAction.class);
        assertThat(actions.iterator().next().getIconFileName()).as("no side-panel link: part of the job page").isNull();
    }

    /**
     * Every web method answers POST only, through {@code @POST}: Stapler's HttpVerbInterceptor cancels a GET, which then
     * ends as 404 (what the JenkinsRule tests assert). {@code @RequirePOST} would answer 405 instead.
     */
    @Test
    void everyWebMethodIsPostOnly() {
        List<String> webMethods = new ArrayList<>();
        List<String> notPostOnly = new ArrayList<>();
        for (Class<?> type : List.of(RollbackAction.class, DataPipelineDeployStep.DescriptorImpl.class, DataPipelineBuilder.DescriptorImpl.class,
                DeployOptions.DescriptorImpl.class, DataPipelinesConfiguration.class, CliUrlInstaller.DescriptorImpl.class,
                CliMavenInstaller.DescriptorImpl.class, DataPipelinesCliInstallation.DescriptorImpl.class)) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && method.getName().matches("do[A-Z].*")) {
                    webMethods.add(type.getSimpleName() + "." + method.getName());
                    if (!method.isAnnotationPresent(POST.class)) {
                        notPostOnly.add(type.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        assertThat(webMethods).contains("RollbackAction.doRollback", "DataPipelineDeployStep$DescriptorImpl.doFillRegistryCredentialsIdItems"
                .replace("DataPipelineDeployStep$", "")).hasSizeGreaterThan(25);
        assertThat(notPostOnly).isEmpty();
    }

    /** docker.inside and container() hand the step a decorated launcher: the CLI then goes where the container sees it. */
    @Test
    void aDecoratedLauncherRunsTheCliInAContainer() throws Exception {
        final class PlainLauncher extends hudson.Launcher {
        }
        final class ContainerLauncher extends hudson.Launcher.DecoratedLauncher {
            ContainerLauncher() {
                super(null);
            }
        }
        assertThat(CliPlace.of(allocate(PlainLauncher.class))).isEqualTo(CliPlace.AGENT);
        assertThat(CliPlace.of(allocate(ContainerLauncher.class))).isEqualTo(CliPlace.CONTAINER);
    }

    @Test
    void aRollbackIsStartedByAUser() {
        // "Started by" tools, the REST API's userId and build-user plugins look for a UserIdCause.
        assertThat(Cause.UserIdCause.class).isAssignableFrom(RollbackCause.class);
    }
}
