package org.jxen.cli;

import picocli.CommandLine.Option;

/** The options every command has: {@code --json} and {@code --help}. */
final class OutputOptions {

    @Option(names = "--json", description = "Print JSON instead of virsh's text.")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
