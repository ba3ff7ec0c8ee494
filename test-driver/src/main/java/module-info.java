/**
 * The jxen testing kit and the {@code test:///} driver. {@code org.jxen.testing} is the kit: a
 * simulated Xen host a test builds, connects the real Xen driver of {@code org.jxen} to, and acts on
 * (only the devices and daemons under the driver are faked: privcmd, xenstored, xend).
 * {@code test:///default} and {@code test:///PATH.json} open such a host through
 * {@link java.util.ServiceLoader}.
 */
module org.jxen.testdriver {
    requires transitive org.jxen;
    requires org.jxen.testfixtures;
    requires com.fasterxml.jackson.databind;

    exports org.jxen.testing;

    provides org.jxen.spi.HypervisorProvider with org.jxen.testdriver.TestDriverProvider;
}
