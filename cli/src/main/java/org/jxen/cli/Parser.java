package org.jxen.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what the user typed into commands, checking all of them before any runs (as virsh parses
 * a whole line first): {@code [-c URI] [--debug] COMMAND ARG... [; COMMAND ARG...]}. Pure: it reads
 * nothing and connects to nothing. Words starting with {@code -} are options, except negative
 * numbers (the host names the range of a {@code vcpupin demo -1}) and anything after {@code --}.
 */
final class Parser {

    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+");

    private Parser() {
    }

    /**
     * Parses the command-line arguments: jxen's own options, then the commands. One argument left
     * after the options is split as a line, like virsh ({@code jxen -c URI 'a; b'}).
     *
     * @param args the arguments after the JVM's
     * @return the call
     * @throws UsageException for anything that does not parse, with the usage to show
     */
    static Call call(List<String> args) {
        Optional<URI> connect = Optional.empty();
        boolean debug = false;
        int i = 0;
        for (; i < args.size() && Grammar.isCallOption(args.get(i)); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            if (arg.equals(Grammar.DEBUG)) {
                debug = true;
            } else if (equals > 0) {
                connect = Optional.of(uri(arg.substring(equals + 1)));
            } else if (i + 1 < args.size()) {
                connect = Optional.of(uri(args.get(++i)));
            } else {
                throw new UsageException("missing URI after " + arg);
            }
        }
        return new Call(connect, debug, commands(Words.ofArgs(args.subList(i, args.size()))));
    }

    /**
     * Parses a line typed at the shell; jxen's own options have no place there.
     *
     * @param line the text
     * @return the commands, maybe none
     * @throws UsageException for anything that does not parse, with the usage to show
     */
    static List<Command> line(String line) {
        return commands(Words.ofLine(line));
    }

    private static List<Command> commands(List<List<String>> commands) {
        return commands.stream().map(Parser::command).toList();
    }

    /** One command: its name, then its arguments and flags in any order. */
    private static Command command(List<String> words) {
        String first = words.getFirst();
        if (isOption(first)) {
            return withoutCommand(first);
        }
        Syntax syntax = Grammar.find(first);
        List<String> values = new ArrayList<>();
        Set<String> flags = new HashSet<>();
        Map<String, String> optionValues = new HashMap<>();
        boolean options = true;
        boolean help = false;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (options && word.equals("--")) {
                options = false;
            } else if (options && Grammar.HELP.contains(word)) {
                help = true;
            } else if (options && isOption(word)) {
                int equals = word.indexOf('=');
                Syntax.Flag flag = flag(syntax, equals < 0 ? word : word.substring(0, equals));
                flags.add(flag.name());
                if (flag.takesValue()) {
                    if (equals < 0 && i + 1 == words.size()) {
                        throw new UsageException("missing " + flag.value() + " after " + flag.name(), Usage.of(syntax));
                    }
                    optionValues.put(flag.name(), equals < 0 ? words.get(++i) : word.substring(equals + 1));
                } else if (equals >= 0) {
                    throw new UsageException(flag.name() + " takes no value", Usage.of(syntax));
                }
            } else {
                values.add(word);
            }
        }
        if (help) {
            return new HelpCommand(Usage.of(syntax));
        }
        if (values.size() < syntax.required()) {
            throw new UsageException("missing " + syntax.params().get(values.size()).label(), Usage.of(syntax));
        }
        if (values.size() > syntax.params().size() && !syntax.repeats()) {
            throw new UsageException("unexpected argument '" + values.get(syntax.params().size()) + "'",
                    Usage.of(syntax));
        }
        return syntax.build().apply(new Arguments(syntax, values, flags, optionValues));
    }

    /** An option where a command's name belongs: help, the version, or an error. */
    private static Command withoutCommand(String option) {
        if (Grammar.HELP.contains(option)) {
            return new HelpCommand(Usage.root());
        }
        if (Grammar.VERSION.contains(option)) {
            return new VersionCommand();
        }
        throw unknownOption(option, Usage.root());
    }

    /** Checks that a command has a flag. */
    private static Syntax.Flag flag(Syntax syntax, String option) {
        Syntax.Flag flag = syntax.flag(option);
        if (flag != null) {
            return flag;
        }
        throw unknownOption(option, Usage.of(syntax));
    }

    private static UsageException unknownOption(String option, String usage) {
        if (Grammar.isCallOption(option)) {
            return new UsageException("-c/--connect and --debug are options of the whole call:"
                    + " give them before the first command (jxen -c URI COMMAND)");
        }
        return new UsageException("unknown option '" + option + "'", usage);
    }

    private static boolean isOption(String word) {
        return word.length() > 1 && word.startsWith("-") && !NEGATIVE_NUMBER.matcher(word).matches();
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new UsageException("bad URI '" + text + "': " + e.getMessage());
        }
    }
}
