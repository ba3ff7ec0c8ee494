package org.jxen.testfixtures.privcmd;

import java.util.UUID;
import org.jxen.testfixtures.host.SimulatedHost;

/** The simulated hosts the privcmd tests run against. */
final class Hosts {

    static final UUID DOM0 = new UUID(0, 0);
    static final UUID GUEST = UUID.fromString("4dea22b3-1d52-d8f3-2516-782e98ab3fa0");
    static final UUID OTHER = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");

    private Hosts() {
    }

    /** Xen 4.minor with the given pCPUs: Domain-0 (0, 4 of 4 online), guest (3, 2 of 4), other (7, 8 of 8). */
    static SimulatedHost host(int minor, int cpus) {
        return SimulatedHost.builder()
                .xenVersion(4, minor, ".1")
                .cpus(cpus)
                .domain(0, "Domain-0", DOM0, 4, 4)
                .domain(3, "guest", GUEST, 4, 2)
                .domain(7, "other", OTHER, 8, 8)
                .build();
    }

    /** The message names each value; its wording is free to change. */
    static void assertMentions(Throwable e, String... values) {
        for (String v : values) {
            if (!e.getMessage().contains(v)) {
                throw new AssertionError("'" + e.getMessage() + "' should mention '" + v + "'");
            }
        }
    }
}
