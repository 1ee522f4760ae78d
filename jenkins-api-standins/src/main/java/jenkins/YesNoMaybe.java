package jenkins;

/** Stand-in for jenkins.YesNoMaybe (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public enum YesNoMaybe {
    YES,
    NO,
    MAYBE
}
