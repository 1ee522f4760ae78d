package org.kohsuke.stapler;

/** Stand-in for org.kohsuke.stapler.HttpResponse (stapler of jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real interface has one method, generateResponse(StaplerRequest2, StaplerResponse2, Object), which the plugin
// never implements or calls (it only returns responses Stapler makes).
public interface HttpResponse {
}
