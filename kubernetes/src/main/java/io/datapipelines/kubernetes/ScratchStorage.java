package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Bounds on the pod's local disk: the state directory's and /tmp's emptyDir volumes each get a sizeLimit,
 * and the container an ephemeral-storage limit (unless the definition sets one) of both plus room for its
 * logs. A pod past either is evicted by the kubelet rather than filling the node's disk.
 *
 * @param stateSizeLimit the state directory's emptyDir sizeLimit (Kafka Streams stores, such as "1Gi")
 * @param tmpSizeLimit   /tmp's emptyDir sizeLimit
 */
public record ScratchStorage(String stateSizeLimit, String tmpSizeLimit) {
    /** Room for the container's logs, which count against its ephemeral-storage limit too (the root file system is read-only). */
    public static final String LOG_ALLOWANCE = "256Mi";
    public static final ScratchStorage DEFAULT = new ScratchStorage("1Gi", "256Mi");

    public ScratchStorage {
        bytes(stateSizeLimit, "state volume size limit");
        bytes(tmpSizeLimit, "tmp volume size limit");
    }

    /** The container's ephemeral-storage limit: the definition's, else both volumes plus {@link #LOG_ALLOWANCE}. */
    public Quantity containerLimit(Map<String, String> definitionLimits) {
        String given = definitionLimits.get("ephemeral-storage");
        if (given != null) {
            return new Quantity(given);
        }
        BigDecimal total = bytes(stateSizeLimit, "").add(bytes(tmpSizeLimit, "")).add(bytes(LOG_ALLOWANCE, ""));
        return new Quantity(total.divide(BigDecimal.valueOf(1024 * 1024), 0, java.math.RoundingMode.CEILING).toBigInteger() + "Mi");
    }

    private static BigDecimal bytes(String quantity, String what) {
        BigDecimal bytes;
        try {
            bytes = Quantity.getAmountInBytes(new Quantity(quantity));
        } catch (RuntimeException e) {
            bytes = null;
        }
        if (quantity == null || bytes == null || bytes.signum() <= 0 || !quantity.matches("[0-9]+(\\.[0-9]+)?([KMGTPE]i|[kMGTPE])?")) {
            throw new IllegalArgumentException(what + " '" + quantity + "' is not a positive size such as 512Mi or 2Gi");
        }
        return bytes;
    }
}
