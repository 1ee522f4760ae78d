package io.datapipelines.cli;

import picocli.CommandLine;

/** The version from the jar manifest (set by Maven), or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = DataPipelinesCommand.class.getPackage().getImplementationVersion();
        return new String[] {"datapipelines " + (version == null ? "development" : version)};
    }
}
