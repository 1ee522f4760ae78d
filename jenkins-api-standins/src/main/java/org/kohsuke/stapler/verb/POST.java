package org.kohsuke.stapler.verb;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** Stand-in for org.kohsuke.stapler.verb.POST (stapler 2.x (in jenkins-core 2.541.3)): the members this plugin uses, as in the public sources; bodies throw. */
// The real annotation is also meta-annotated @InterceptorAnnotation(HttpVerbInterceptor.class).
@Target(METHOD)
@Retention(RUNTIME)
@Documented
public @interface POST {
}
