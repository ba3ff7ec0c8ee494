package org.jxen.cli;

/** A jxen command that works on the host: the parser made it with its arguments, {@link #run} does the work. */
sealed interface HostCommand extends Command
        permits ListCommand, NodeinfoCommand, VcpuinfoCommand, VcpupinCommand, SetvcpusCommand, VcpucountCommand,
        DomstatsCommand, TopCommand {

    /**
     * Does the command's work and prints its output.
     *
     * @param session the connection and the output streams
     * @throws org.jxen.JxenException when the host refuses; the caller prints it and exits 1
     */
    void run(Session session);
}
