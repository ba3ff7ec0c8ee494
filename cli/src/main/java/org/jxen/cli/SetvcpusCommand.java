package org.jxen.cli;

import java.util.List;
import org.jxen.Domain;

/**
 * {@code setvcpus DOMAIN COUNT}: makes vCPUs 0 to COUNT-1 of a running domain online.
 *
 * @param domain the domain's name, id or UUID
 * @param count how many vCPUs to have online; the host checks the range
 * @param json whether to print the counts afterwards as JSON
 */
record SetvcpusCommand(String domain, int count, boolean json) implements HostCommand {

    /** Its grammar: the domain and the count. */
    static final Syntax SYNTAX = new Syntax("setvcpus", List.of(
            "Make COUNT vCPUs of a running domain online (vCPUs 0 to COUNT-1).",
            "COUNT goes from 1 to the domain's maximum. Prints nothing; with --json,",
            "the vCPU counts afterwards."),
            List.of(Syntax.DOMAIN, new Syntax.Param("COUNT", true, "how many vCPUs to have online")),
            List.of(Syntax.JSON), a -> new SetvcpusCommand(a.text(0), a.integer(1), a.has(Syntax.JSON)));

    @Override
    public void run(Session session) {
        Domain d = DomainLookup.find(session.hypervisor(), domain);
        d.setVcpus(count);
        if (json) {
            Json.vcpuCount(session.out(), d.vcpuCount());
        }
    }
}
