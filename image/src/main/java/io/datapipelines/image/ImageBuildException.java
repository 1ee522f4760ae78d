package io.datapipelines.image;

/**
 * An image could not be built or pushed, with a message meant for the user: what failed and, where it
 * helps, what to do (never a credential, never a stack trace's worth of detail).
 */
public class ImageBuildException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImageBuildException(String message) {
        super(message);
    }

    public ImageBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
