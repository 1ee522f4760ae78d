package io.datapipelines.runtime.builtin;

import io.datapipelines.runtime.step.FieldTransform;
import io.datapipelines.runtime.step.RecordError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * rename-key-json-structure: the field holds JSON text; every occurrence of {@code oldKeyName} inside the keys
 * of every object, at any depth, is replaced by {@code newKeyName}, and the text is written again the way
 * Python's {@code json.dumps} does (so it is re-serialised even when no key matched).
 */
final class JsonKeyRenameTransform {

    private JsonKeyRenameTransform() {
    }

    static FieldTransform renameKeyJsonStructure(Config config) {
        if (config.isBlank("oldKeyName") || config.isBlank("newKeyName")) {
            return (value, row) -> value;
        }
        String oldName = config.string("oldKeyName");
        String newName = config.string("newKeyName");
        return (value, row) -> {
            if (!(value instanceof String json)) {
                throw RecordError.typeError("the JSON object must be str, bytes or bytearray, not "
                        + PythonSemantics.typeName(value));
            }
            return PythonJson.dumps(PythonJson.loads(json, object -> rename(object, oldName, newName)));
        };
    }

    /**
     * The reference's object hook: for each key (as the object stood before), a key that changes is written
     * under its new name (appended at the end, or overwriting an existing key in place) and then deleted.
     */
    private static Map<String, Object> rename(Map<String, Object> object, String oldName, String newName) {
        List<String> keys = new ArrayList<>(object.keySet());
        for (String key : keys) {
            String renamed = key.replace(oldName, newName);
            if (!renamed.equals(key)) {
                object.put(renamed, object.get(key));
                object.remove(key);
            }
        }
        return object;
    }
}
