package hudson.model;

/** Stand-in for hudson.model.BuildListener (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public interface BuildListener extends TaskListener {
}
