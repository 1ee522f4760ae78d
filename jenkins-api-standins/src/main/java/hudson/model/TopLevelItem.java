package hudson.model;

import hudson.ExtensionPoint;

/** Stand-in for hudson.model.TopLevelItem (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public interface TopLevelItem extends Item, ExtensionPoint, Describable<TopLevelItem> {
    @Override
    TopLevelItemDescriptor getDescriptor();
}
