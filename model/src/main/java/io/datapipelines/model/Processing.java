package io.datapipelines.model;

import java.util.Objects;

/** {@code spec.processing}: the delivery guarantee and how Python steps run. */
public record Processing(Guarantee guarantee, PythonSettings python) {
    public Processing {
        Objects.requireNonNull(guarantee, "guarantee");
        Objects.requireNonNull(python, "python");
    }

    /** With the default Python settings. */
    public Processing(Guarantee guarantee) {
        this(guarantee, PythonSettings.DEFAULTS);
    }
}
