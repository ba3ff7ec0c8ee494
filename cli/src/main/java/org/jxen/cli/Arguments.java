package org.jxen.cli;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
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
 * @param optionValues the value of each option given that takes one, by the option's name
 */
record Arguments(Syntax syntax, List<String> values, Set<String> flags, Map<String, String> optionValues) {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    /** Digits with an optional fraction: no exponent, no NaN, no hexadecimal. */
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");

    /**
     * Makes the arguments, copying the lists.
     *
     * @param syntax the command's grammar
     * @param values the positional arguments
     * @param flags the flags given
     * @param optionValues the options' values
     */
    Arguments {
        values = List.copyOf(values);
        flags = Set.copyOf(flags);
        optionValues = Map.copyOf(optionValues);
    }

    /**
     * Returns the positional arguments from a position on, for a parameter that repeats.
     *
     * @param from the parameter's position
     * @return the arguments, maybe none
     */
    List<String> rest(int from) {
        return values.subList(Math.min(from, values.size()), values.size());
    }

    /**
     * Returns an option's value as a whole number.
     *
     * @param option an option that takes a value
     * @param min the least allowed
     * @param max the most allowed
     * @return the number, or empty when the option was not given
     * @throws UsageException naming the option, the value and the range when it is not such a number
     */
    OptionalInt integer(Syntax.Flag option, int min, int max) {
        String text = optionValues.get(option.name());
        if (text == null) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return OptionalInt.of(n);
            }
        } catch (NumberFormatException e) {
            // told below, with the range
        }
        throw new UsageException("bad " + option.usage() + " '" + text + "': a whole number from " + min + " to " + max
                + " is needed", Usage.of(syntax));
    }

    /**
     * Returns an option's value as a decimal number.
     *
     * @param option an option that takes a value
     * @param min the least allowed
     * @param max the most allowed
     * @return the number, or empty when the option was not given
     * @throws UsageException naming the option, the value and the range when it is not such a number
     */
    OptionalDouble decimal(Syntax.Flag option, double min, double max) {
        String text = optionValues.get(option.name());
        if (text == null) {
            return OptionalDouble.empty();
        }
        if (DECIMAL.matcher(text).matches()) {
            double d = Double.parseDouble(text);
            if (d >= min && d <= max) {
                return OptionalDouble.of(d);
            }
        }
        throw new UsageException("bad " + option.usage() + " '" + text + "': a number from " + min + " to " + max
                + " is needed", Usage.of(syntax));
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
