package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Stand-in for org.jenkinsci.Symbol (structs / lib-symbol-annotation): the members this plugin uses, as in the public sources; bodies throw. */
// The real annotation is also @Indexed, from org.jenkins-ci:annotation-indexer, whose POMs do not resolve from
// Maven Central; without it nothing writes META-INF/services/annotations/org.jenkinsci.Symbol here. The real
// plugin build (plugin/pom.xml) compiles against the real annotation and writes that index.
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
