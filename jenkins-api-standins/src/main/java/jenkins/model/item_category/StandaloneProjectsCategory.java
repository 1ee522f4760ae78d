package jenkins.model.item_category;

/** Stand-in for jenkins.model.item_category.StandaloneProjectsCategory (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class extends ItemCategory.
public class StandaloneProjectsCategory {
    public static final String ID = "standalone-projects";

    private StandaloneProjectsCategory() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
