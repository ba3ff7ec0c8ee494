package org.jxen;

/**
 * How many vCPUs a domain has online, and how many it can have (what {@code virsh vcpucount} shows).
 *
 * @param current the vCPUs online, 0 to {@code maximum}
 * @param maximum the most the running domain can have (getdomaininfo {@code max_vcpu_id + 1})
 */
public record VcpuCount(int current, int maximum) {

    /** Checks {@code 0 <= current <= maximum} and {@code maximum >= 1}. */
    public VcpuCount {
        if (maximum < 1 || current < 0 || current > maximum) {
            throw JxenException.invalidArg("vCPU count " + current + " of " + maximum
                    + " is invalid: current must be 0-maximum and maximum at least 1");
        }
    }
}
