package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;

import java.io.File;
import java.io.IOException;

/** Stand-in for hudson.model.AbstractBuild (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class also implements LazyBuildMixIn.LazyLoadingRun and RunWithSCM.
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> implements Queue.Executable {
    protected AbstractBuild(P job) throws IOException {
        super(job);
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    protected AbstractBuild(P project, File buildDir) throws IOException {
        super(project, buildDir);
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public P getProject() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @CheckForNull
    public final FilePath getWorkspace() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
