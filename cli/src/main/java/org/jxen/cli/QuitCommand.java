package org.jxen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quit} or {@code exit}: leaves the shell; in a {@code ;} sequence, the commands after it do not run. */
@Command(name = "quit", aliases = "exit", description = "Leave the shell (in a ; sequence: stop there).")
final class QuitCommand {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
