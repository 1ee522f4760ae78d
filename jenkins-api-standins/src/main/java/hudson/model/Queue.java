package hudson.model;

/** Stand-in for hudson.model.Queue (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public class Queue {
    protected Queue() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    /** The real interface extends FutureLoad and SubTask. */
    public interface Task {
    }
}
