package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;

/** Stand-in for hudson.model.Fingerprint (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public class Fingerprint {
    protected Fingerprint() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public synchronized void addFor(@NonNull Run b) throws IOException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
