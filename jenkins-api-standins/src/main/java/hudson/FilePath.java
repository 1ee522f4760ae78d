package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Computer;
import hudson.remoting.VirtualChannel;
import java.io.File;
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

    /** A path on the machine this JVM runs on (no channel): what a FileCallable gets to work on there. */
    public FilePath(@NonNull File localPath) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    /** Whether the path is on another machine (it has a channel to an agent). */
    public boolean isRemote() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    /** Runs the callable on the machine that holds this path (through the channel; directly when local). */
    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
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

    /** Code that runs on the machine where a FilePath is local ({@link #act}). */
    // The real interface also extends org.jenkinsci.remoting.RoleSensitive (checkRoles), which
    // jenkins.agents.ControllerToAgentFileCallable implements for the plugin.
    public interface FileCallable<T> extends Serializable {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
