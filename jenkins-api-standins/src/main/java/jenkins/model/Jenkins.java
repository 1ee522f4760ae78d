package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.FingerprintMap;
import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Stand-in for jenkins.model.Jenkins (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class extends AbstractCIBase and implements many more interfaces.
public class Jenkins implements ItemGroup<TopLevelItem>, AccessControlled {
    public static final Permission ADMINISTER = standIn();

    protected Jenkins() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public static Jenkins get() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @SuppressWarnings("rawtypes")
    public <T extends Descriptor> T getDescriptorByType(Class<T> type) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    @SuppressWarnings("rawtypes")
    public Descriptor getDescriptorOrDie(Class<? extends Describable> type) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public FingerprintMap getFingerprintMap() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    /** Not part of the API: gives the constants above a value by throwing, like every body here. */
    private static Permission standIn() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
