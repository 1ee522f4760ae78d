package org.kohsuke.stapler.export;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Stand-in for org.kohsuke.stapler.export.ExportedBean (stapler 2.x (in jenkins-core 2.541.3)): the members this plugin uses, as in the public sources; bodies throw. */
// The real annotation is also @Indexed (annotation-indexer, not on Maven Central).
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Target(ElementType.TYPE)
public @interface ExportedBean {
    int defaultVisibility() default 1;
}
