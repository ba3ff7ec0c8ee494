package org.jxen.cli;

import java.util.ArrayList;
import java.util.List;
import org.jxen.DomainIdentity;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.JxenException;

/**
 * {@code list}: the running domains in id order, in virsh's table.
 *
 * @param json whether to print JSON
 */
record ListCommand(boolean json) implements HostCommand {

    /** Its grammar: no argument. */
    static final Syntax SYNTAX = new Syntax("list", List.of("List the running domains."), List.of(),
            List.of(Syntax.JSON), a -> new ListCommand(a.has(Syntax.JSON)));

    @Override
    public void run(Session session) {
        Hypervisor host = session.hypervisor();
        List<DomainIdentity> domains = host.listDomains();
        if (json) {
            Json.domains(session.out(), withCounts(host, domains));
            return;
        }
        // Only running domains are listed, so the state column is always "running", as in virsh list.
        Table table = new Table("Id", "Name", "State");
        for (DomainIdentity d : domains) {
            table.row(d.id(), d.name(), "running");
        }
        table.print(session.out());
    }

    /** Adds the vCPU counts; a domain destroyed since the listing is left out, as it would be a moment later. */
    private static List<Json.DomainRow> withCounts(Hypervisor host, List<DomainIdentity> domains) {
        List<Json.DomainRow> rows = new ArrayList<>();
        for (DomainIdentity d : domains) {
            try {
                rows.add(new Json.DomainRow(d, host.domain(d.id()).vcpuCount()));
            } catch (JxenException e) {
                if (e.code() != ErrorCode.NO_DOMAIN) {
                    throw e;
                }
            }
        }
        return rows;
    }
}
