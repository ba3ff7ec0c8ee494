package org.jxen.cli;

import java.util.List;

/** {@code quit} or {@code exit}: leaves the shell; in a {@code ;} sequence, the commands after it do not run. */
record QuitCommand() implements Command {

    /** Its grammar: no argument. */
    static final Syntax SYNTAX = new Syntax("quit", List.of("exit"),
            List.of("Leave the shell (in a ; sequence: stop there)."), List.of(), List.of(), a -> new QuitCommand());
}
