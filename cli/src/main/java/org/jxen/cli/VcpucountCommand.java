package org.jxen.cli;

import java.util.List;
import org.jxen.VcpuCount;

/**
 * {@code vcpucount DOMAIN}: virsh's live rows (a running domain has no config here).
 *
 * @param domain the domain's name, id or UUID
 * @param json whether to print JSON
 */
record VcpucountCommand(String domain, boolean json) implements HostCommand {

    /** Its grammar: the domain. */
    static final Syntax SYNTAX = new Syntax("vcpucount",
            List.of("Show how many vCPUs a domain has online (current) and can have (maximum)."),
            List.of(Syntax.DOMAIN), List.of(Syntax.JSON), a -> new VcpucountCommand(a.text(0), a.has(Syntax.JSON)));

    @Override
    public void run(Session session) {
        VcpuCount count = DomainLookup.find(session.hypervisor(), domain).vcpuCount();
        if (json) {
            Json.vcpuCount(session.out(), count);
        } else {
            session.out().printf("%-12s %-12s %3d%n", "maximum", "live", count.maximum());
            session.out().printf("%-12s %-12s %3d%n", "current", "live", count.current());
        }
    }
}
