package hudson.model;

import java.io.File;
import java.io.IOException;

/** Stand-in for hudson.model.Build (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class Build<P extends Project<P, B>, B extends Build<P, B>> extends AbstractBuild<P, B> {
    protected Build(P project) throws IOException {
        super(project);
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    protected Build(P project, File buildDir) throws IOException {
        super(project, buildDir);
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
