package org.jxen.cli;

import java.util.List;
import java.util.function.Function;

/**
 * One command's grammar, for the parser and for its help: its name, what it does, its positional
 * parameters in order (the required ones first), its flags, and how the parsed words become the command.
 *
 * @param name the word that names it
 * @param aliases other words for it
 * @param description what it does, one line each, the first a summary
 * @param params the positional parameters
 * @param flags the options it takes besides {@code -h}/{@code --help}
 * @param build makes the command from its parsed words; may throw {@link UsageException} (a bad number)
 */
record Syntax(String name, List<String> aliases, List<String> description, List<Param> params, List<Flag> flags,
        Function<Arguments, Command> build) {

    /** The DOMAIN parameter of the domain commands, always first. */
    static final Param DOMAIN = new Param("DOMAIN", true, "the domain: a name, an id or a UUID");
    /** {@code --json}, taken by every command that prints. */
    static final Flag JSON = new Flag("--json", "Print JSON instead of virsh's text.");

    /**
     * A positional parameter.
     *
     * @param label its name in usage ({@code COUNT})
     * @param required whether it must be given; optional ones come after the required ones
     * @param repeats whether it takes every argument from its position on (only the last one may)
     * @param description what it is
     */
    record Param(String label, boolean required, boolean repeats, String description) {

        /**
         * A parameter that takes one argument.
         *
         * @param label its name in usage
         * @param required whether it must be given
         * @param description what it is
         */
        Param(String label, boolean required, String description) {
            this(label, required, false, description);
        }
    }

    /**
     * An option, with a value or without.
     *
     * @param name the option as typed ({@code --pretty})
     * @param value the name of its value in usage ({@code S}), or empty when it takes none
     * @param description what it does
     */
    record Flag(String name, String value, String description) {

        /**
         * An option without a value.
         *
         * @param name the option as typed
         * @param description what it does
         */
        Flag(String name, String description) {
            this(name, "", description);
        }

        /**
         * Tells whether the option takes a value ({@code --delay 2} or {@code --delay=2}).
         *
         * @return true when it has a value name
         */
        boolean takesValue() {
            return !value.isEmpty();
        }

        /**
         * Writes the option as usage shows it.
         *
         * @return {@code --delay S}, or the name alone
         */
        String usage() {
            return takesValue() ? name + " " + value : name;
        }
    }

    /**
     * A command with no alias.
     *
     * @param name the word that names it
     * @param description what it does, one line each
     * @param params the positional parameters
     * @param flags its options
     * @param build makes the command
     */
    Syntax(String name, List<String> description, List<Param> params, List<Flag> flags,
            Function<Arguments, Command> build) {
        this(name, List.of(), description, params, flags, build);
    }

    /**
     * Tells whether a word names this command.
     *
     * @param word the first word of a command
     * @return true for its name and its aliases
     */
    boolean isNamed(String word) {
        return name.equals(word) || aliases.contains(word);
    }

    /**
     * Tells whether it takes a flag.
     *
     * @param word an option as typed
     * @return true when one of its flags has that name
     */
    boolean hasFlag(String word) {
        return flag(word) != null;
    }

    /**
     * Finds one of its flags.
     *
     * @param word an option as typed, without {@code =VALUE}
     * @return the flag, or null when it has none of that name
     */
    Flag flag(String word) {
        return flags.stream().filter(f -> f.name().equals(word)).findFirst().orElse(null);
    }

    /**
     * Tells whether its last parameter takes every remaining argument.
     *
     * @return true for {@code [DOMAIN...]}
     */
    boolean repeats() {
        return !params.isEmpty() && params.getLast().repeats();
    }

    /**
     * Counts the parameters that must be given.
     *
     * @return how many of the first parameters are required
     */
    int required() {
        return (int) params.stream().filter(Param::required).count();
    }

    /**
     * Writes its name and aliases.
     *
     * @return {@code quit, exit}
     */
    String names() {
        return aliases.isEmpty() ? name : name + ", " + String.join(", ", aliases);
    }

    /**
     * Writes what follows the name on its command line, as virsh's help does: {@code  DOMAIN [VCPU [CPUSET]] [--soft]}.
     *
     * @param withJson whether to show {@code --json} too (the list of all commands says it once for all)
     * @return the parameters and flags, each after a blank
     */
    String arguments(boolean withJson) {
        StringBuilder s = new StringBuilder();
        int open = 0;
        for (Param p : params) {
            s.append(p.required() ? " " : " [").append(p.label()).append(p.repeats() ? "..." : "");
            open += p.required() ? 0 : 1;
        }
        s.append("]".repeat(open));
        flags.stream().filter(f -> withJson || f != JSON).forEach(f -> s.append(" [").append(f.usage()).append(']'));
        return s.toString();
    }
}
