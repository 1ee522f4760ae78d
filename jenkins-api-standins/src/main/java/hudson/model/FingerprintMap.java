package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;

/** Stand-in for hudson.model.FingerprintMap (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public final class FingerprintMap {
    private FingerprintMap() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public @NonNull Fingerprint getOrCreate(@CheckForNull Run build, @NonNull String fileName, @NonNull String md5sum) throws IOException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
