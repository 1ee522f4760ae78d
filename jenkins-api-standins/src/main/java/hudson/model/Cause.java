package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** Stand-in for hudson.model.Cause (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
@ExportedBean
public abstract class Cause {
    protected Cause() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Exported(visibility = 3)
    public abstract String getShortDescription();

    public static class UserIdCause extends Cause {
        public UserIdCause() {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        @Exported(visibility = 3)
        public String getUserId() {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        @Exported(visibility = 3)
        @NonNull
        public String getUserName() {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        @Override
        public String getShortDescription() {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }
    }
}
