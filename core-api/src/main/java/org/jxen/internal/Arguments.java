package org.jxen.internal;

import org.jxen.ErrorCode;
import org.jxen.JxenException;

/**
 * The API's one rule for missing arguments: a null where a value is required is a
 * {@link JxenException} with {@link ErrorCode#INVALID_ARG} naming the parameter, never a bare
 * {@link NullPointerException}, so callers handle every bad argument the same way. Not exported.
 */
public final class Arguments {

    private Arguments() {
    }

    /**
     * Checks that an argument is given.
     *
     * @param value the argument
     * @param name the parameter's name, as the javadoc spells it
     * @param <T> its type
     * @return {@code value}
     * @throws JxenException INVALID_ARG naming the parameter when {@code value} is null
     */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new JxenException(ErrorCode.INVALID_ARG, "argument '" + name + "' is null; it is required");
        }
        return value;
    }
}
