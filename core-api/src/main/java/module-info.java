/**
 * The jxen vCPU API: {@link org.jxen.Hypervisor}, {@link org.jxen.Domain}, the value types
 * ({@link org.jxen.CpuMap}, {@link org.jxen.VcpuInfo}, {@link org.jxen.NodeInfo}) and the one
 * error type {@link org.jxen.JxenException}.
 */
module org.jxen {
    requires org.jxen.hypercall;
    requires org.jxen.xenstore;
    requires org.jxen.xend;

    exports org.jxen;
}
