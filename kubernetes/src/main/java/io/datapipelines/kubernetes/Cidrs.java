package io.datapipelines.kubernetes;

import java.util.regex.Pattern;

/** The address blocks a NetworkPolicy's ipBlock takes. */
final class Cidrs {
    private static final Pattern IPV4_CIDR = Pattern.compile("((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])/(3[0-2]|[12]?[0-9])");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])");

    private Cidrs() {
    }

    /** @param what whose address it is ("Kafka"), for the message */
    static String require(String cidr, String what) {
        if (cidr == null || (!IPV4_CIDR.matcher(cidr).matches() && !IPV6_CIDR.matcher(cidr).matches())) {
            throw new IllegalArgumentException(what + " address '" + cidr + "' is not a CIDR (such as 10.0.12.0/24)");
        }
        return cidr;
    }
}
