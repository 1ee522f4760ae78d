package hudson.tasks;

import hudson.model.Run;
import java.util.Map;
import jenkins.model.RunAction2;

/** Stand-in for hudson.tasks.Fingerprinter (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class is a Recorder (a build step); the plugin uses its nested action only.
public class Fingerprinter {
    protected Fingerprinter() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public static final class FingerprintAction implements RunAction2 {
        public FingerprintAction(Run build, Map<String, String> record) {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        public void add(Map<String, String> moreRecords) {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        @Override
        public String getIconFileName() {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        @Override
        public String getDisplayName() {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        @Override
        public String getUrlName() {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        @Override
        public void onAttached(Run<?, ?> r) {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        @Override
        public void onLoad(Run<?, ?> r) {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }
    }
}
