package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Stand-in for hudson.model.Action (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public interface Action extends ModelObject {
    @CheckForNull
    String getIconFileName();

    @Override
    @CheckForNull
    String getDisplayName();

    @CheckForNull
    String getUrlName();
}
