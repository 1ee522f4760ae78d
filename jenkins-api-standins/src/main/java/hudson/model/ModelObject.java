package hudson.model;

/** Stand-in for hudson.model.ModelObject (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public interface ModelObject {
    String getDisplayName();
}
