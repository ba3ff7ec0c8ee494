package org.jxen.cli;

/**
 * One command of a call as the parser made it: an immutable value that holds its arguments. Those
 * that need the host are {@link HostCommand}s; help, the version and quit are answered without one.
 */
sealed interface Command permits HostCommand, HelpCommand, VersionCommand, QuitCommand {
}
