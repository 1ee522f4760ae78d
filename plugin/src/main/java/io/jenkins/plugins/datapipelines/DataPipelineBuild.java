package io.jenkins.plugins.datapipelines;

import hudson.model.Build;

import java.io.File;
import java.io.IOException;

/**
 * A build of a {@link DataPipelineProject}: a freestyle build whose step deploys the job's definition (or, when it
 * carries a {@link RollbackRequest}, an earlier build's recorded deployment).
 */
public class DataPipelineBuild extends Build<DataPipelineProject, DataPipelineBuild> {

    /** A new build (Jenkins creates it when the queue starts one). */
    public DataPipelineBuild(DataPipelineProject project) throws IOException {
        super(project);
    }

    /** A build loaded from its directory (at startup, or when its page is visited). */
    public DataPipelineBuild(DataPipelineProject project, File buildDir) throws IOException {
        super(project, buildDir);
    }
}
