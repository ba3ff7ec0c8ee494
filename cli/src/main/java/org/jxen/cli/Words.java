package org.jxen.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits what the user typed into commands of words, as virsh does. A shell line, or a call with
 * exactly one argument ({@code jxen 'setvcpus demo 3; vcpuinfo demo'}), is split here: blanks
 * separate words, {@code ;} ends a command, {@code '...'} quotes literally, {@code "..."} quotes
 * with backslash escapes, a backslash escapes the next character and {@code #} at the start of a
 * word starts a comment. Several arguments are words already (the shell split them); among them
 * {@code ;} alone or at the end of an argument ends a command ({@code jxen setvcpus demo 3 \; vcpuinfo demo}).
 */
final class Words {

    private Words() {
    }

    /**
     * Splits the command-line arguments into commands.
     *
     * @param args the arguments after the JVM's
     * @return the commands, none empty
     * @throws UsageException for an unterminated quote in a single argument
     */
    static List<List<String>> ofArgs(List<String> args) {
        if (args.size() == 1) {
            return ofLine(args.getFirst());
        }
        Commands commands = new Commands();
        for (String arg : args) {
            if (arg.endsWith(";")) {
                String word = arg.substring(0, arg.length() - 1);
                if (!word.isEmpty()) {
                    commands.word(word);
                }
                commands.end();
            } else {
                commands.word(arg);
            }
        }
        return commands.done();
    }

    /**
     * Splits a line typed at the shell (or given as the only argument) into commands.
     *
     * @param line the text
     * @return the commands, none empty
     * @throws UsageException for an unterminated quote or a backslash at the end
     */
    static List<List<String>> ofLine(String line) {
        Commands commands = new Commands();
        StringBuilder word = null;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (Character.isWhitespace(c) || c == ';') {
                if (word != null) {
                    commands.word(word.toString());
                    word = null;
                }
                if (c == ';') {
                    commands.end();
                }
                continue;
            }
            if (c == '#' && word == null) {
                break;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            switch (c) {
                case '\'' -> {
                    int close = line.indexOf('\'', i);
                    if (close < 0) {
                        throw new UsageException("unterminated ' quote in: " + line);
                    }
                    word.append(line, i, close);
                    i = close + 1;
                }
                case '"' -> i = doubleQuoted(line, i, word);
                case '\\' -> {
                    if (i == line.length()) {
                        throw new UsageException("a backslash ends the line: " + line);
                    }
                    word.append(line.charAt(i++));
                }
                default -> word.append(c);
            }
        }
        if (word != null) {
            commands.word(word.toString());
        }
        return commands.done();
    }

    /** Appends the text of a {@code "..."} quote that starts at {@code from}; returns the index after it. */
    private static int doubleQuoted(String line, int from, StringBuilder word) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i < line.length()) {
                c = line.charAt(i++);
            }
            word.append(c);
        }
        throw new UsageException("unterminated \" quote in: " + line);
    }

    /** Collects words into commands, dropping empty commands ({@code ;;} or a trailing {@code ;}). */
    private static final class Commands {
        private final List<List<String>> done = new ArrayList<>();
        private List<String> current = new ArrayList<>();

        void word(String word) {
            current.add(word);
        }

        void end() {
            if (!current.isEmpty()) {
                done.add(List.copyOf(current));
                current = new ArrayList<>();
            }
        }

        List<List<String>> done() {
            end();
            return List.copyOf(done);
        }
    }
}
