package io.datapipelines.runtime.codec;

import io.datapipelines.model.DataFormat;
import io.datapipelines.runtime.step.RecordError;

/**
 * Turns a key or value's bytes into the plain Java value steps see, and back, for one
 * {@link DataFormat}. Bytes that cannot be read, and values that cannot be written, are record errors,
 * so they go to the dead-letter topic like any other.
 */
public interface RecordCodec {

    /** @param bytes null for a null key or a tombstone value: gives null */
    Object decode(byte[] bytes) throws RecordError;

    /** @return null for a null value */
    byte[] encode(Object value) throws RecordError;

    static RecordCodec of(DataFormat format) {
        return format == DataFormat.JSON ? JsonCodec.INSTANCE : StringCodec.INSTANCE;
    }
}
