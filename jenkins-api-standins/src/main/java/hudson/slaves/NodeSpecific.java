package hudson.slaves;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Node;
import hudson.model.TaskListener;

import java.io.IOException;

/** Stand-in for hudson.slaves.NodeSpecific (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public interface NodeSpecific<T extends NodeSpecific<T>> {
    T forNode(@NonNull Node node, TaskListener log) throws IOException, InterruptedException;
}
