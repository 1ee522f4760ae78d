package hudson.remoting;

/** Stand-in for hudson.remoting.VirtualChannel (remoting 3352.v17a_fb_4b_2773f, core 2.541.3's): the plugin only receives one; no members. */
// The real interface has call, callAsync, close, join, export, syncLocalIO; the plugin calls none of them.
public interface VirtualChannel {
}
