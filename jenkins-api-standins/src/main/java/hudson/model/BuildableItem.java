package hudson.model;

/** Stand-in for hudson.model.BuildableItem (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real interface has the scheduleBuild methods, which the plugin does not call.
public interface BuildableItem extends Item, Queue.Task {
}
