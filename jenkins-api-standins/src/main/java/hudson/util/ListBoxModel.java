package hudson.util;

import java.util.ArrayList;

/** Stand-in for hudson.util.ListBoxModel (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class also implements org.kohsuke.stapler.HttpResponse.
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    private static final long serialVersionUID = 1L;

    public ListBoxModel() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public void add(String displayName, String value) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public ListBoxModel add(String nameAndValue) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public static final class Option {
        public String name;
        public String value;
        public boolean selected;

        public Option(String name, String value) {
            throw new UnsupportedOperationException("stand-in: compile-time only");
        }
    }
}
