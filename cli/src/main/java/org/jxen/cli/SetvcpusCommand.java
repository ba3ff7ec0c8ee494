package org.jxen.cli;

import org.jxen.Domain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code setvcpus DOMAIN COUNT}: makes vCPUs 0 to COUNT-1 of a running domain online. */
@Command(name = "setvcpus", description = {
    "Make COUNT vCPUs of a running domain online (vCPUs 0 to COUNT-1), from 1 to its maximum.",
    "Prints nothing; with --json, the vCPU counts afterwards."})
final class SetvcpusCommand implements HostCommand {

    @Mixin
    DomainArgument domain;

    @Parameters(index = "1", paramLabel = "COUNT", description = "how many vCPUs to have online")
    int count;

    @Mixin
    OutputOptions output;

    @Override
    public void run(Session session) {
        Domain d = domain.find(session);
        d.setVcpus(count);
        if (output.json) {
            Json.vcpuCount(session.out(), d.vcpuCount());
        }
    }
}
