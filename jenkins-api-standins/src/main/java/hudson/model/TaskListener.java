package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.PrintStream;
import java.io.Serializable;

/** Stand-in for hudson.model.TaskListener (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real interface extends SerializableOnlyOverRemoting, a Serializable.
public interface TaskListener extends Serializable {
    @NonNull
    PrintStream getLogger();
}
