package org.kohsuke.stapler.export;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;

/** Stand-in for org.kohsuke.stapler.export.Exported (stapler 2.x (in jenkins-core 2.541.3)): the members this plugin uses, as in the public sources; bodies throw. */
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Target({FIELD, METHOD})
public @interface Exported {
    int visibility() default 0;

    String name() default "";

    boolean inline() default false;

    boolean merge() default false;

    String verboseMap() default "";
}
