package org.jxen.cli;

/** A call jxen cannot parse (exit status 2): what is wrong, and the usage to print after it. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The help of the command that was wrong, or of the whole call. */
    private final String usage;

    /**
     * Creates an error about the call as a whole (quoting, an unknown command), shown with the whole call's usage.
     *
     * @param message what is wrong, for the {@code error:} line
     */
    UsageException(String message) {
        this(message, Usage.root());
    }

    /**
     * Creates an error about one command.
     *
     * @param message what is wrong, for the {@code error:} line
     * @param usage the usage to print after it
     */
    UsageException(String message, String usage) {
        super(message);
        this.usage = usage;
    }

    /**
     * Returns the usage to print after the error line.
     *
     * @return the help of the command that was wrong, or of the whole call; ends with a newline
     */
    String usage() {
        return usage;
    }
}
