package hudson;

/** Stand-in for hudson.ExtensionPoint (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public interface ExtensionPoint {
}
