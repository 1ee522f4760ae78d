package hudson.model;

/** Stand-in for hudson.model.Failure (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class also implements org.kohsuke.stapler.HttpResponse.
public class Failure extends RuntimeException {
    public Failure(String message) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
