package org.jxen.xend;

/**
 * Thrown when text is not a well-formed S-expression, exceeds the reader's limits, or a field
 * does not have the type asked for.
 */
public final class SexprException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The byte offset of the error in the input, or -1 when it is not about a position. */
    private final long offset;

    /**
     * Creates an error about a field's value rather than a position in the input.
     *
     * @param message what is wrong
     */
    public SexprException(String message) {
        super(message);
        this.offset = -1;
    }

    /**
     * Creates a syntax or limit error at a position in the input.
     *
     * @param message what is wrong
     * @param offset the byte offset in the input
     * @param line the line, from 1
     * @param column the byte column in that line, from 1
     */
    public SexprException(String message, long offset, long line, long column) {
        super(message + " at line " + line + " column " + column + " (byte " + offset + ")");
        this.offset = offset;
    }

    /**
     * Returns where in the input the error is.
     *
     * @return the byte offset, or -1 when the error is not about a position
     */
    public long offset() {
        return offset;
    }
}
