package hudson.tasks;

/** Stand-in for hudson.tasks.BuildStepMonitor (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real constants have bodies (how each one synchronizes with other builds).
public enum BuildStepMonitor {
    NONE, STEP, BUILD
}
