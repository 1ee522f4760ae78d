package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** Stand-in for jenkins.model.RunAction2 (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
