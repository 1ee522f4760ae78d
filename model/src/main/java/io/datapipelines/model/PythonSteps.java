package io.datapipelines.model;

import java.util.List;

import io.datapipelines.model.builtin.BuiltinCatalogue;

/**
 * Whether a pipeline runs Python: one answer for the runtime (which starts no Python engine otherwise) and
 * for the deployment defaults (a GraalPy pipeline needs more memory than one of built-ins only).
 */
public final class PythonSteps {
    private PythonSteps() {
    }

    /** Whether any step's filter or transform is user-defined Python. */
    public static boolean any(List<Step> steps) {
        for (Step step : steps) {
            if (step instanceof FieldStep field) {
                for (FieldEntry entry : field.fields().values()) {
                    if (isPython(entry.filter()) || isPython(entry.transform())) {
                        return true;
                    }
                }
            } else if (step instanceof RecordStep record && (isPython(record.filter()) || isPython(record.transform()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPython(FunctionRef ref) {
        return ref != null && BuiltinCatalogue.find(ref.key()).map(spec -> spec.isPython()).orElse(false);
    }
}
