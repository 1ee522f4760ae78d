package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;

/**
 * The security contexts that satisfy the Pod Security Standard "restricted": a non-root uid (the image's),
 * no privilege escalation, no capabilities, the runtime's default seccomp profile, and a read-only root
 * file system (the runtime writes only to its state directory and /tmp, both emptyDirs).
 */
final class PodSecurity {
    private PodSecurity() {
    }

    static PodSecurityContext pod(SecurityOptions options) {
        return new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withRunAsUser(options.runAsUser())
                .withRunAsGroup(options.runAsUser())
                // emptyDir volumes are group-owned by fsGroup, so the state directory is writable.
                .withFsGroup(options.runAsUser())
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }

    static SecurityContext container(SecurityOptions options) {
        return new SecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withRunAsUser(options.runAsUser())
                .withRunAsGroup(options.runAsUser())
                .withAllowPrivilegeEscalation(false)
                .withPrivileged(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .withReadOnlyRootFilesystem(true)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }
}
