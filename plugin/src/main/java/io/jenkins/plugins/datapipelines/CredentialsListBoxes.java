package io.jenkins.plugins.datapipelines;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;

/**
 * The credential drop-downs of the step and of the global configuration, following the credentials plugin's
 * guidance: only someone allowed to configure the item (or administer Jenkins, for the global configuration) sees
 * which credentials exist; anyone else gets back just the value already saved, so saving the form does not lose it.
 */
final class CredentialsListBoxes {
    private CredentialsListBoxes() {
    }

    static boolean canList(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    static ListBoxModel fill(@CheckForNull Item item, @CheckForNull String current, Class<? extends StandardCredentials> type) {
        String value = current == null ? "" : current;
        StandardListBoxModel result = new StandardListBoxModel();
        if (!canList(item)) {
            result.includeCurrentValue(value);
            return result;
        }
        result.includeEmptyValue();
        if (item == null) {
            result.includeAs(ACL.SYSTEM2, Jenkins.get(), type);
        } else {
            // What a build of this item would find: credentials visible to the identity its builds run as.
            result.includeAs(item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2, item, type);
        }
        result.includeCurrentValue(value);
        return result;
    }

    /** An id that names no credential of the right kind is an error: the deployment would fail on it. */
    static FormValidation check(@CheckForNull Item item, @CheckForNull String value, Class<? extends StandardCredentials> type) {
        String id = Strings.trimToNull(value);
        if (id == null || !canList(item)) {
            return FormValidation.ok();
        }
        ListBoxModel available = fill(item, null, type);
        for (ListBoxModel.Option option : available) {
            if (id.equals(option.value)) {
                return FormValidation.ok();
            }
        }
        return FormValidation.error(Messages.CredentialsListBoxes_NotFound(id));
    }
}
