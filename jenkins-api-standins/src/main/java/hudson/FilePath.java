package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Computer;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/** Stand-in for hudson.FilePath (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class implements SerializableOnlyOverRemoting, a Serializable.
public final class FilePath implements Serializable {
    private static final long serialVersionUID = 1L;

    private FilePath() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public String getRemote() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public String getName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @CheckForNull
    public FilePath getParent() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public @NonNull FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public void mkdirs() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public void deleteRecursive() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public boolean delete() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public void renameTo(final FilePath target) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public List<FilePath> list() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public void unzipFrom(InputStream _in) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public void copyFrom(InputStream in) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public String readToString() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public void write(final String content, final String encoding) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public void chmod(final int mask) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public FilePath createTempFile(final String prefix, final String suffix) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public @CheckForNull Computer toComputer() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
