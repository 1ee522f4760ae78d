package io.datapipelines.model;

/**
 * One thing wrong with a definition: where (file, line, column), what (the path of the node, such as
 * {@code spec.steps[1].fields.email.transform.config.algorithm}) and why.
 */
public record Problem(Location location, String path, String message) {

    /** The form compilers use, so that editors and CI logs link to the line: {@code FILE:LINE:COL: PATH: message}. */
    @Override
    public String toString() {
        return location + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + message;
    }
}
