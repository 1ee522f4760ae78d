package hudson.model;

/** Stand-in for hudson.model.ItemGroup (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real interface extends PersistenceRoot and ModelObject and has many members; the plugin only passes
// Jenkins as one.
public interface ItemGroup<T extends Item> {
}
