package org.jxen.cli;

import org.jxen.Domain;
import picocli.CommandLine.Parameters;

/** The DOMAIN parameter of the domain commands, first on their command lines. */
final class DomainArgument {

    @Parameters(index = "0", paramLabel = "DOMAIN", description = "the domain: a name, an id or a UUID")
    String text;

    /**
     * Finds the domain the argument names (see {@link DomainLookup}).
     *
     * @param session the connection
     * @return the domain
     * @throws org.jxen.JxenException NO_DOMAIN when there is none
     */
    Domain find(Session session) {
        return DomainLookup.find(session.hypervisor(), text);
    }
}
