package org.kohsuke.stapler;

/** Stand-in for org.kohsuke.stapler.HttpRedirect (stapler of jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public final class HttpRedirect extends RuntimeException implements HttpResponse {
    public HttpRedirect(String url) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
