package org.jxen.cli;

import org.jxen.VcpuCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vcpucount DOMAIN}: virsh's live rows (a running domain has no config here). */
@Command(name = "vcpucount", description = "Show how many vCPUs a domain has online (current) and can have (maximum).")
final class VcpucountCommand implements HostCommand {

    @Mixin
    DomainArgument domain;

    @Mixin
    OutputOptions output;

    @Override
    public void run(Session session) {
        VcpuCount count = domain.find(session).vcpuCount();
        if (output.json) {
            Json.vcpuCount(session.out(), count);
        } else {
            session.out().printf("%-12s %-12s %3d%n", "maximum", "live", count.maximum());
            session.out().printf("%-12s %-12s %3d%n", "current", "live", count.current());
        }
    }
}
