package org.kohsuke.stapler;

/** Stand-in for org.kohsuke.stapler.HttpResponses (stapler of jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public class HttpResponses {
    protected HttpResponses() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public static HttpRedirect redirectTo(String url) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public static HttpResponse redirectToDot() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
