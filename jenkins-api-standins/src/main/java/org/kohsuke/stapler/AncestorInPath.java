package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** Stand-in for org.kohsuke.stapler.AncestorInPath (stapler 2.x (in jenkins-core 2.541.3)): the members this plugin uses, as in the public sources; bodies throw. */
// The real annotation is also meta-annotated @InjectedParameter(HandlerImpl.class), Stapler's runtime binding.
@Retention(RUNTIME)
@Target(PARAMETER)
@Documented
public @interface AncestorInPath {
}
