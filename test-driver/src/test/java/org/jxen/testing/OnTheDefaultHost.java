package org.jxen.testing;

import org.jxen.Hypervisor;
import org.junit.jupiter.api.AfterEach;

/** A test on a fresh {@code test:///default} host with one connection, closed after each test. */
abstract class OnTheDefaultHost {

    final SimulatedXen xen = SimulatedXen.defaultHost();
    final Hypervisor h = xen.connect();

    @AfterEach
    void closeTheHost() {
        xen.close();
    }
}
