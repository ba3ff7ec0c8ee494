/**
 * The jxen vCPU API: {@link org.jxen.Hypervisor}, {@link org.jxen.Domain}, the value types
 * ({@link org.jxen.CpuMap}, {@link org.jxen.VcpuInfo}, {@link org.jxen.NodeInfo}), the one
 * error type {@link org.jxen.JxenException}, the libvirt-style facade and the Xen driver.
 */
module org.jxen {
    requires transitive org.jxen.hypercall;
    requires transitive org.jxen.xenstore;
    requires transitive org.jxen.xend;

    exports org.jxen;
    exports org.jxen.libvirt;
    exports org.jxen.libvirtjava;
    exports org.jxen.spi;

    uses org.jxen.spi.HypervisorProvider;
}
