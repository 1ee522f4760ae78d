package io.jenkins.plugins.datapipelines;

import hudson.model.TaskListener;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * An agent's cache directory as the controller sees it, for tests. {@link #installThere} does what
 * {@code FilePath.act} does with a {@link CliDownload} on an agent: sends it serialized (the build's listener by
 * reference, as remoting forwards it) and runs the copy against the agent's own view of the directory
 * ({@link #agentSide}). The operations inherited from {@link LocalInstallLocation} are the controller driving the
 * directory through the channel. Each side counts its own unzips.
 */
class AgentDirectory extends LocalInstallLocation {
    /** The directory as the agent itself sees it; remembers what a failed unzip left in its target. */
    final AgentSide agentSide;
    int installsThere;

    AgentDirectory(Path directory) {
        super(directory);
        agentSide = new AgentSide(directory);
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    @Override
    public String installThere(CliDownload download) throws IOException, InterruptedException {
        installsThere++;
        return sentToTheAgent(download).installInto(agentSide);
    }

    private static CliDownload sentToTheAgent(CliDownload download) throws IOException {
        TaskListener listener = download.listener();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes) {
            {
                enableReplaceObject(true);
            }

            @Override
            protected Object replaceObject(Object object) {
                return object == listener ? new ExportedListener() : object;
            }
        }) {
            out.writeObject(download);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            {
                enableResolveObject(true);
            }

            @Override
            protected Object resolveObject(Object object) {
                return object instanceof ExportedListener ? listener : object;
            }
        }) {
            return (CliDownload) in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }

    /** Stands for the listener in the serialized form, as remoting's exported-object reference does. */
    private record ExportedListener() implements Serializable {
    }

    static final class AgentSide extends LocalInstallLocation {
        /** How many files the last failed unzip left in its target directory (0 when none failed). */
        long filesLeftByAFailedUnzip;

        AgentSide(Path directory) {
            super(directory);
        }

        @Override
        public void unzip(InputStream zip, String path) throws IOException {
            try {
                super.unzip(zip, path);
            } catch (IOException e) {
                try (Stream<Path> files = Files.walk(Path.of(absolutePath(path)))) {
                    filesLeftByAFailedUnzip = files.filter(Files::isRegularFile).count();
                }
                throw e;
            }
        }
    }
}
