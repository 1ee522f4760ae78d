package hudson.model;

import java.util.List;

/** Stand-in for hudson.model.Queue (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public class Queue {
    protected Queue() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    /** The real interface extends FutureLoad and SubTask. */
    public interface Task {
    }

    /** The real interface also extends WithConsoleUrl. */
    public interface Executable extends Runnable {
    }

    public interface QueueAction extends Action {
        boolean shouldSchedule(List<Action> actions);
    }

    /** The real class also implements QueueItem. */
    public abstract static class Item extends Actionable {
        protected Item() {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }
    }
}
