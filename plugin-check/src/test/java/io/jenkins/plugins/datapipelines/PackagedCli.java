package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real CLI distribution zip the cli module packages (cli/target/datapipelines-cli-VERSION-distribution.zip), as a
 * tool installer finds it: a file: URL and its SHA-256. Null after a bare "mvn test", which does not package it.
 */
final class PackagedCli {
    static final String SKIPPED = "SKIPPED: no CLI distribution zip: cli/target/datapipelines-cli-*-distribution.zip "
            + "is made when the cli module is packaged, so run 'mvn verify' (not 'mvn test')";

    private PackagedCli() {
    }

    static @CheckForNull CliDistribution distribution() throws IOException {
        String property = System.getProperty("cli.distribution");
        if (property == null || !Files.isRegularFile(Path.of(property))) {
            return null;
        }
        return StandInCliDistribution.of(Path.of(property));
    }
}
