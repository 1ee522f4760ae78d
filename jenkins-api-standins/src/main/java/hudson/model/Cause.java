package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
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

    public void print(TaskListener listener) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public static class UserIdCause extends Cause {
        public UserIdCause() {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        /** @param userId {@code null} if the user is unknown (since 2.96) */
        public UserIdCause(@CheckForNull String userId) {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        @Exported(visibility = 3)
        @CheckForNull
        public String getUserId() {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        @Exported(visibility = 3)
        public String getUserName() {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        @Override
        public String getShortDescription() {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        @Override
        public void print(TaskListener listener) {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        /** Equal when the user ids are: CauseAction counts equal causes instead of keeping both. */
        @Override
        public boolean equals(Object o) {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }

        @Override
        public int hashCode() {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }
    }
}
