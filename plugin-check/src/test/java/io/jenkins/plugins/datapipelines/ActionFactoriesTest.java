package io.jenkins.plugins.datapipelines;

import hudson.model.Action;
import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
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
 * The transient action factories, causes and what a rollback is queued with, checked where Jenkins' own objects cannot
 * be created: jobs, builds and actions made without their (stand-in) constructors, with the accessors the plugin calls
 * overridden.
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

    /** Build #N as RollbackAction sees it: its number and its parameters (null: none). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class BuildWithParameters extends Run {
        private int number;
        private ParametersAction parameters;

        private BuildWithParameters() throws java.io.IOException {
            super((Job) null); // allocated without a constructor, below
        }

        @Override
        public int getNumber() {
            return number;
        }

        @Override
        public Action getAction(Class type) {
            if (type != ParametersAction.class) {
                throw new AssertionError("looked for " + type.getName() + " on build #" + number);
            }
            return parameters;
        }
    }

    /** The values of a ParametersAction, without Jenkins. */
    static final class Parameters extends ParametersAction {
        private List<ParameterValue> values;

        private Parameters() {
            super(List.of()); // allocated without a constructor, below
        }

        @Override
        public List<ParameterValue> getParameters() {
            return values;
        }
    }

    /** A parameter's value; the plugin never reads it, only passes it on. */
    static final class Value extends ParameterValue {
        private String text;

        private Value() {
            super(null); // allocated without a constructor, below
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static Parameters parameters(List<ParameterValue> values) throws Exception {
        Parameters parameters = allocate(Parameters.class);
        parameters.values = values;
        return parameters;
    }

    private static Value value(String text) throws Exception {
        Value value = allocate(Value.class);
        value.text = text;
        return value;
    }

    private static BuildWithParameters build(int number, ParametersAction parameters) throws Exception {
        BuildWithParameters build = allocate(BuildWithParameters.class);
        build.number = number;
        build.parameters = parameters;
        return build;
    }

    /**
     * Scheduling a parameterized job without a ParametersAction gives the new build the parameters' DEFAULT values
     * (ParameterizedJobMixIn.scheduleBuild2): the rollback is queued with a new ParametersAction holding build #N's own
     * values, beside its cause and the request.
     */
    @Test
    void aRollbackIsQueuedWithTheParametersOfTheBuildItRollsBackTo() throws Exception {
        ParameterValue target = value("TARGET=orders-us");
        ParameterValue region = value("REGION=eu");
        Parameters ofBuild7 = parameters(List.of(target, region));
        CauseAction cause = allocate(CauseAction.class);
        List<List<ParameterValue>> copied = new ArrayList<>();
        List<Action> queued = RollbackAction.queueActions(build(7, ofBuild7), cause, values -> {
            copied.add(values);
            try {
                return parameters(values);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });

        assertThat(copied).as("build #7's values, once").containsExactly(List.of(target, region));
        assertThat(queued).hasSize(3).first().isSameAs(cause);
        assertThat(queued).filteredOn(RollbackRequest.class::isInstance).singleElement()
                .extracting(a -> ((RollbackRequest) a).getBuildNumber()).isEqualTo(7);
        assertThat(queued).filteredOn(ParametersAction.class::isInstance).singleElement().satisfies(parameters -> {
            assertThat(parameters).as("a new action: an action belongs to one build").isNotSameAs(ofBuild7);
            assertThat(((ParametersAction) parameters).getParameters()).containsExactly(target, region);
        });
    }

    /** A build that had no parameters is rolled back to without any (a job that has some now gets their defaults). */
    @Test
    void aBuildWithoutParametersIsRolledBackToWithoutAny() throws Exception {
        CauseAction cause = allocate(CauseAction.class);
        List<Action> queued = RollbackAction.queueActions(build(3, null), cause, values -> {
            throw new AssertionError("no parameters to copy");
        });
        assertThat(queued).hasSize(2).noneMatch(ParametersAction.class::isInstance);
        assertThat(queued.get(0)).isSameAs(cause);
        assertThat(((RollbackRequest) queued.get(1)).getBuildNumber()).isEqualTo(3);
    }

    @Test
    void aRollbackIsStartedByAUser() {
        // "Started by" tools, the REST API's userId and build-user plugins look for a UserIdCause.
        assertThat(Cause.UserIdCause.class).isAssignableFrom(RollbackCause.class);
    }
}
