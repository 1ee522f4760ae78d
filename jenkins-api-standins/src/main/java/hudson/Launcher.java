package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** Stand-in for hudson.Launcher (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class Launcher {
    protected Launcher() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public final ProcStarter launch() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public boolean isUnix() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public final class ProcStarter {
        private ProcStarter() {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        public ProcStarter cmds(List<String> args) {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        public ProcStarter envs(@NonNull Map<String, String> overrides) {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        public ProcStarter pwd(@CheckForNull FilePath workDir) {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        public ProcStarter stdout(@CheckForNull OutputStream out) {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        public ProcStarter stderr(@CheckForNull OutputStream err) {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        public ProcStarter quiet(boolean quiet) {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        public int join() throws IOException, InterruptedException {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }
    }

    /** A launcher that runs its processes elsewhere or differently: docker-workflow's docker.inside, kubernetes' container(). */
    public static class DecoratedLauncher extends Launcher {
        public DecoratedLauncher(@NonNull Launcher inner) {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        public Launcher getInner() {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }
    }
}
