package org.jxen.cli;

/** A call jxen cannot even parse (exit status 2), found outside picocli: quoting, misplaced options. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message what is wrong, for the {@code error:} line
     */
    UsageException(String message) {
        super(message);
    }
}
