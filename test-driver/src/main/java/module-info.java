/**
 * The {@code test:///} driver: {@code test:///default} and {@code test:///PATH.json} open the real
 * Xen driver of {@code org.jxen} over a simulated host, with only the devices and daemons under it
 * faked (privcmd, xenstored, xend). Found by {@link java.util.ServiceLoader}; nothing is exported.
 */
module org.jxen.testdriver {
    requires org.jxen;
    requires org.jxen.testfixtures;
    requires com.fasterxml.jackson.databind;

    provides org.jxen.spi.HypervisorProvider with org.jxen.testdriver.TestDriverProvider;
}
