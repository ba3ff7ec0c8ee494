package org.jxen;


/**
 * The domctl and sysctl interface versions Xen accepted when jxen probed privcmd: they select the
 * struct layouts of every hypercall, and tell which Xen release answers (0x15 and 0x15 on Xen
 * 4.17, 0x17 and 0x15 on Xen 4.20).
 *
 * @param domctl {@code XEN_DOMCTL_INTERFACE_VERSION}
 * @param sysctl {@code XEN_SYSCTL_INTERFACE_VERSION}
 */
public record InterfaceVersions(int domctl, int sysctl) {

    /**
     * Returns the versions in the hexadecimal form of Xen's headers.
     *
     * @return e.g. {@code domctl 0x15, sysctl 0x15}
     */
    @Override
    public String toString() {
        return String.format("domctl 0x%02x, sysctl 0x%02x", domctl, sysctl);
    }
}
