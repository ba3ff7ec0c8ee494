/**
 * The jxen vCPU API: {@link org.jxen.Hypervisor}, {@link org.jxen.Domain}, the value types
 * ({@link org.jxen.CpuMap}, {@link org.jxen.VcpuInfo}, {@link org.jxen.NodeInfo}), the one
 * error type {@link org.jxen.JxenException}, the libvirt-style facade and the Xen driver.
 *
 * <p>The protocol modules are read transitively only because the advanced
 * {@link org.jxen.xen.XenDriver#builder()} takes their clients; the API in {@code org.jxen} names
 * none of their types.
 */
module org.jxen {
    requires transitive org.jxen.hypercall;
    requires transitive org.jxen.xenstore;
    requires transitive org.jxen.xend;


    exports org.jxen;
    exports org.jxen.libvirt;
    exports org.jxen.libvirtjava;
    exports org.jxen.spi;
    exports org.jxen.xen;

    uses org.jxen.spi.HypervisorProvider;

    provides org.jxen.spi.HypervisorProvider with org.jxen.xen.XenDriverProvider;
}
