package org.jxen.hypercall;

/**
 * The domctl and sysctl interface versions the hypervisor accepted when probed, which select the
 * struct layouts used.
 *
 * @param domctl XEN_DOMCTL_INTERFACE_VERSION, e.g. 0x15 for Xen 4.17
 * @param sysctl XEN_SYSCTL_INTERFACE_VERSION, e.g. 0x15 for Xen 4.17
 */
public record InterfaceVersions(int domctl, int sysctl) {

    /**
     * Returns the versions in the hexadecimal form of Xen's headers.
     *
     * @return e.g. "domctl 0x15, sysctl 0x15"
     */
    @Override
    public String toString() {
        return String.format("domctl 0x%02x, sysctl 0x%02x", domctl, sysctl);
    }
}
