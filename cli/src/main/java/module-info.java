/**
 * The {@code jxen} command line: virsh's vCPU commands over {@link org.jxen.Hypervisor}. The
 * {@code test:///} driver is not required here: it is on the module path and core-api finds it as
 * a service, so the command never links against the simulator.
 */
module org.jxen.cli {
    requires org.jxen;
    requires com.fasterxml.jackson.core;
}
