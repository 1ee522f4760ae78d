package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.ItemGroup;
import hudson.model.Project;
import hudson.model.TopLevelItem;
import jenkins.model.Jenkins;
import jenkins.model.item_category.StandaloneProjectsCategory;
import org.jenkinsci.Symbol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The "Data Pipeline" job type: a freestyle project (so SCM, triggers, parameters, build wrappers and publishers come
 * with it) made to deploy one pipeline definition. A new one starts with a {@link DataPipelineBuilder}, whose form
 * holds the definition (YAML, checked as it is typed) and the deployment target; each build deploys it and records
 * the deployment, every successful one can be rolled back to ({@link RollbackAction}), and the job's page shows the
 * deployment history ({@link DeploymentHistoryAction}).
 */
public class DataPipelineProject extends Project<DataPipelineProject, DataPipelineBuild> implements TopLevelItem {

    public DataPipelineProject(ItemGroup parent, String name) {
        super(parent, name);
    }

    @Override
    protected Class<DataPipelineBuild> getBuildClass() {
        return DataPipelineBuild.class;
    }

    @Override
    public DescriptorImpl getDescriptor() {
        return (DescriptorImpl) Jenkins.get().getDescriptorOrDie(getClass());
    }

    /** A new job deploys from the start: its build step is there, waiting for a definition. */
    @Override
    public void onCreatedFromScratch() {
        super.onCreatedFromScratch();
        try {
            getBuildersList().replaceBy(List.of(new DataPipelineBuilder()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the new job " + getFullName(), e);
        }
    }

    @Extension
    @Symbol("dataPipelineJob")
    public static final class DescriptorImpl extends AbstractProjectDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.DataPipelineProject_DisplayName();
        }

        @Override
        public String getDescription() {
            return Messages.DataPipelineProject_Description();
        }

        @Override
        public String getCategoryId() {
            return StandaloneProjectsCategory.ID;
        }

        @Override
        public String getIconClassName() {
            return "symbol-cube";
        }

        @Override
        public DataPipelineProject newInstance(ItemGroup parent, String name) {
            return new DataPipelineProject(parent, name);
        }
    }
}
