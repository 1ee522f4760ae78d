package hudson.model;

import java.io.Serializable;

/** Stand-in for hudson.model.ParameterValue (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class is annotated @ExportedBean and implements Serializable; it has many more members.
public abstract class ParameterValue implements Serializable {
    protected ParameterValue(String name) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public final String getName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
