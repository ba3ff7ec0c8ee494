package org.jxen.cli;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of one command after its name, sorted by the parser: the positional arguments (as many
 * as the command takes, the required ones present) and the flags given. Numbers are converted here,
 * still while parsing, so that a bad one is a usage error before anything runs.
 *
 * @param syntax the command's grammar, for the parameters' names in messages
 * @param values the positional arguments, in order
 * @param flags the flags given, as typed
 */
record Arguments(Syntax syntax, List<String> values, Set<String> flags) {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

    /**
     * Makes the arguments, copying the lists.
     *
     * @param syntax the command's grammar
     * @param values the positional arguments
     * @param flags the flags given
     */
    Arguments {
        values = List.copyOf(values);
        flags = Set.copyOf(flags);
    }

    /**
     * Returns a positional argument as text.
     *
     * @param index the parameter's position
     * @return the argument, or null when it was not given (an optional parameter)
     */
    String text(int index) {
        return index < values.size() ? values.get(index) : null;
    }

    /**
     * Returns a positional argument as a number; the host checks the range the command allows.
     *
     * @param index the parameter's position
     * @return the number, or null when it was not given (an optional parameter)
     * @throws UsageException naming the parameter and the value when it is not an {@code int}
     */
    Integer integer(int index) {
        String text = text(index);
        if (text == null) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            String why = INTEGER.matcher(text).matches()
                    ? "out of range " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                    : "not an integer";
            throw new UsageException("bad " + syntax.params().get(index).label() + " '" + text + "': " + why,
                    Usage.of(syntax));
        }
    }

    /**
     * Tells whether a flag was given.
     *
     * @param flag one of the command's flags
     * @return true when it was on the command line
     */
    boolean has(Syntax.Flag flag) {
        return flags.contains(flag.name());
    }
}
