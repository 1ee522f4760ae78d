package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.io.InputStream;

/** Stand-in for org.jenkinsci.plugins.plaincredentials.FileCredentials (plain-credentials (bom-2.541.x)): the members this plugin uses, as in the public sources; bodies throw. */
public interface FileCredentials extends StandardCredentials {
    @NonNull
    String getFileName();

    @NonNull
    InputStream getContent() throws IOException;
}
