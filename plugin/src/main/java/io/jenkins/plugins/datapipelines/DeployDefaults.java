package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.util.Objects;

/**
 * The defaults an administrator set in Manage Jenkins &gt; System (or Configuration as Code), used wherever a
 * step leaves a value out: the global deployment settings as one {@link DeployParameters} snapshot (the same model as
 * a step's own), plus {@code imageRepositoryPrefix}, which only a default can have: it gives each pipeline its own
 * repository, {@code PREFIX/PIPELINE-NAME}, so that steps need not name one.
 *
 * <p>Which of the values are defaults, and how each merges with a step's own, is {@link DeploySettings#resolve}'s
 * business alone; what only a deployment can have (its name, image, definition file, wait, dry run, shadow) is not
 * read from here.
 */
public record DeployDefaults(DeployParameters values, @CheckForNull String imageRepositoryPrefix) {

    public static final DeployDefaults NONE = new DeployDefaults(DeployParameters.builder().build(), null);

    public DeployDefaults {
        Objects.requireNonNull(values, "values");
        imageRepositoryPrefix = Strings.trimToNull(imageRepositoryPrefix);
        if (imageRepositoryPrefix != null && imageRepositoryPrefix.endsWith("/")) {
            imageRepositoryPrefix = imageRepositoryPrefix.substring(0, imageRepositoryPrefix.length() - 1);
        }
    }

    /** Global values with no image repository prefix. */
    public static DeployDefaults of(DeployParameters values) {
        return new DeployDefaults(values, null);
    }
}
