package io.jenkins.plugins.datapipelines;

import hudson.model.Fingerprint;
import hudson.model.Run;
import hudson.tasks.Fingerprinter;
import jenkins.model.Jenkins;

import java.io.IOException;
import java.util.Map;

/**
 * Records a deployed image in Jenkins' fingerprint database, so that its page lists every build that built or
 * deployed that exact image (a rollback deploys an earlier build's digest: both builds show up), and the build's
 * "See Fingerprints" page lists it.
 */
final class ImageFingerprints {
    private ImageFingerprints() {
    }

    static void record(Run<?, ?> run, ImageReference image) throws IOException {
        String name = image.toString();
        String id = image.fingerprintId();
        Fingerprint fingerprint = Jenkins.get().getFingerprintMap().getOrCreate(run, name, id);
        fingerprint.addFor(run);
        Map<String, String> entry = Map.of(name, id);
        Fingerprinter.FingerprintAction action = run.getAction(Fingerprinter.FingerprintAction.class);
        if (action == null) {
            run.addAction(new Fingerprinter.FingerprintAction(run, entry));
        } else {
            action.add(entry);
        }
    }
}
