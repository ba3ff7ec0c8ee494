package org.jxen.hypercall;

/**
 * The hypervisor's version, from XENVER_version and XENVER_extraversion.
 *
 * @param major e.g. 4
 * @param minor e.g. 17
 * @param extra e.g. ".0" or "-unstable"
 */
public record XenVersion(int major, int minor, String extra) {

    /**
     * Returns the version as xl prints it.
     *
     * @return e.g. "4.17.0"
     */
    @Override
    public String toString() {
        return major + "." + minor + extra;
    }
}
