package hudson.model.queue;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Queue;
import org.springframework.security.core.Authentication;

/** Stand-in for hudson.model.queue.Tasks (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public class Tasks {
    private Tasks() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public static @NonNull Authentication getAuthenticationOf2(@NonNull Queue.Task t) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
