package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;

import java.util.ArrayList;
import java.util.List;

/**
 * Form validation shared by the step's form (Snippet Generator) and the global configuration: the syntax rules of
 * {@link Names} with messages for people. An empty value is fine everywhere: a default applies.
 */
final class FieldChecks {
    private FieldChecks() {
    }

    /**
     * Who may have a form checked: anyone who can see the item's configuration, or an administrator for the global
     * configuration. Checks reveal nothing, but answering only those who can see the form costs nothing either.
     */
    static boolean canConfigure(@CheckForNull Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.EXTENDED_READ);
    }

    static FormValidation definition(@CheckForNull String value) {
        String v = Strings.trimToNull(value);
        if (v == null) {
            return FormValidation.ok(Messages.FieldChecks_DefinitionDefault(DeployParameters.DEFAULT_DEFINITION));
        }
        if (!Names.isWorkspacePath(v)) {
            return FormValidation.error(Messages.FieldChecks_DefinitionNotInWorkspace());
        }
        if (!(v.endsWith(".yaml") || v.endsWith(".yml") || v.endsWith(".json"))) {
            return FormValidation.warning(Messages.FieldChecks_DefinitionExtension());
        }
        return FormValidation.ok();
    }

    /** A definition stored in a Data Pipeline job ({@link DefinitionCheck}): empty means the file comes from SCM. */
    static FormValidation storedDefinition(@CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok(Messages.FieldChecks_StoredDefinitionEmpty());
        }
        DefinitionCheck.Result result = DefinitionCheck.check(value);
        if (result.pipeline() != null) {
            return FormValidation.ok(Messages.FieldChecks_StoredDefinitionValid(result.pipeline(), result.revisionHash().substring(0, 12)));
        }
        List<FormValidation> messages = new ArrayList<>();
        result.errors().forEach(error -> messages.add(FormValidation.error(error)));
        result.warnings().forEach(warning -> messages.add(FormValidation.warning(warning)));
        return FormValidation.aggregate(messages);
    }

    static FormValidation deployment(@CheckForNull String value) {
        String v = Strings.trimToNull(value);
        if (v == null) {
            return FormValidation.ok(Messages.FieldChecks_DeploymentDefault());
        }
        return Names.isDnsLabel(v) ? FormValidation.ok() : FormValidation.error(Messages.FieldChecks_NotDnsLabel(v));
    }

    static FormValidation namespace(@CheckForNull String value) {
        String v = Strings.trimToNull(value);
        if (v == null) {
            return FormValidation.ok();
        }
        return Names.isDnsLabel(v) ? FormValidation.ok() : FormValidation.error(Messages.FieldChecks_NotDnsLabel(v));
    }

    static FormValidation image(@CheckForNull String value) {
        String v = Strings.trimToNull(value);
        if (v == null) {
            return FormValidation.ok();
        }
        if (v.contains("@")) {
            return FormValidation.error(Messages.FieldChecks_ImageWithDigest());
        }
        return Names.isImageRepository(v) ? FormValidation.ok() : FormValidation.error(Messages.FieldChecks_NotImageRepository(v));
    }

    static FormValidation imageRepositoryPrefix(@CheckForNull String value) {
        String v = Strings.trimToNull(value);
        if (v == null) {
            return FormValidation.ok();
        }
        String prefix = v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
        return Names.isImageRepository(prefix) ? FormValidation.ok() : FormValidation.error(Messages.FieldChecks_NotImageRepository(v));
    }

    /**
     * @param global whether this is the global default, where a tag alone deserves a warning: every pipeline would be
     *               built on whatever the tag names that day, so the same definition could give another image
     */
    static FormValidation baseImage(@CheckForNull String value, boolean global) {
        String v = Strings.trimToNull(value);
        if (v == null) {
            return FormValidation.ok(global ? Messages.FieldChecks_BaseImageGlobalDefault(DeploySettings.BASE_IMAGE_VARIABLE)
                    : Messages.FieldChecks_BaseImageDefault());
        }
        if (!Names.isBaseImage(v)) {
            return FormValidation.error(Messages.FieldChecks_NotBaseImage(v));
        }
        if (!v.startsWith("docker-archive:") && !v.contains("@sha256:")) {
            return FormValidation.warning(Messages.FieldChecks_BaseImageNotPinned());
        }
        return FormValidation.ok();
    }

    /** A drop-down of fixed values, led by an empty choice: the default. */
    static ListBoxModel choices(List<String> values) {
        ListBoxModel model = new ListBoxModel();
        model.add(Messages.FieldChecks_DefaultChoice(), "");
        for (String value : values) {
            model.add(value);
        }
        return model;
    }

    static FormValidation kafkaBootstrapServers(@CheckForNull String value) {
        String v = Strings.trimToNull(value);
        if (v == null) {
            return FormValidation.ok();
        }
        return Names.isBootstrapServers(v) ? FormValidation.ok() : FormValidation.error(Messages.FieldChecks_NotBootstrapServers());
    }

    /** CIDRs separated by blanks or commas: each must parse. */
    static FormValidation cidrs(@CheckForNull String value) {
        String invalid = NetworkSettings.Syntax.CIDR.firstInvalid(value);
        return invalid == null ? FormValidation.ok() : FormValidation.error(Messages.FieldChecks_NotCidr(invalid));
    }

    /** Kubernetes namespaces separated by blanks or commas. */
    static FormValidation namespaces(@CheckForNull String value) {
        String invalid = NetworkSettings.Syntax.NAMESPACE.firstInvalid(value);
        return invalid == null ? FormValidation.ok() : FormValidation.error(Messages.FieldChecks_NotDnsLabel(invalid));
    }

    /** Labels {@code KEY=VALUE} separated by blanks or commas, each with Kubernetes' label syntax. */
    static FormValidation labels(@CheckForNull String value) {
        String invalid = NetworkSettings.Syntax.LABEL.firstInvalid(value);
        return invalid == null ? FormValidation.ok() : FormValidation.error(Messages.FieldChecks_NotLabel(invalid));
    }

    /** A whole number of at least 1 (the shadow's records), or blank. */
    static FormValidation positiveWholeNumber(@CheckForNull String value) {
        String v = Strings.trimToNull(value);
        return v == null || ShadowSettings.isPositiveWholeNumber(v) ? FormValidation.ok() : FormValidation.error(Messages.FieldChecks_NotPositive(v));
    }

    /** A share between 0 and 1 such as 0.01 (a shadow threshold), or blank. */
    static FormValidation rate(@CheckForNull String value) {
        String v = Strings.trimToNull(value);
        return v == null || ShadowSettings.isRate(v) ? FormValidation.ok() : FormValidation.error(Messages.FieldChecks_NotRate(v));
    }

    static FormValidation timeout(@CheckForNull String value) {
        String v = Strings.trimToNull(value);
        if (v == null) {
            return FormValidation.ok();
        }
        return Names.isDuration(v) ? FormValidation.ok() : FormValidation.error(Messages.FieldChecks_NotDuration(v));
    }

    /** The URL of a CLI distribution zip or of a Maven repository: http(s) or file. */
    static FormValidation distributionUrl(@CheckForNull String value) {
        String v = Strings.trimToNull(value);
        if (v == null) {
            return FormValidation.error(Messages.FieldChecks_Url());
        }
        try {
            String scheme = CliUrlInstaller.toUrl(v).getProtocol();
            return scheme.equals("http") || scheme.equals("https") || scheme.equals("file")
                    ? FormValidation.ok() : FormValidation.error(Messages.FieldChecks_Url());
        } catch (java.net.MalformedURLException e) {
            return FormValidation.error(Messages.FieldChecks_Url());
        }
    }

    static FormValidation sha256(@CheckForNull String value) {
        return CliDistribution.isSha256(value) ? FormValidation.ok() : FormValidation.error(Messages.FieldChecks_Sha256());
    }

    static FormValidation releaseVersion(@CheckForNull String value) {
        String v = Strings.trimToNull(value);
        if (v == null || v.endsWith("-SNAPSHOT")) {
            return FormValidation.error(Messages.FieldChecks_SnapshotVersion());
        }
        return FormValidation.ok();
    }

    /** The CLI installations to choose from; the empty first entry: the first installation, else the PATH. */
    static ListBoxModel cliTools() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.FieldChecks_CliToolDefault(), "");
        for (DataPipelinesCliInstallation installation : DataPipelinesCliInstallation.all()) {
            items.add(installation.getName(), installation.getName());
        }
        return items;
    }
}
