package hudson.tools;

import hudson.model.Descriptor;
import hudson.util.DescribableList;

import java.io.IOException;
import java.util.List;

/** Stand-in for hudson.tools.InstallSourceProperty (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public class InstallSourceProperty extends ToolProperty<ToolInstallation> {
    public final DescribableList<ToolInstaller, Descriptor<ToolInstaller>> installers = standIn();

    public InstallSourceProperty(List<? extends ToolInstaller> installers) throws IOException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public Class<ToolInstallation> type() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    /** Not part of the API: gives the field above a value by throwing, like every body here. */
    private static <T> T standIn() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
