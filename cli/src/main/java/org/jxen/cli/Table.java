package org.jxen.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table as virsh prints it (its vsh-table): a header, a line of dashes, then rows; every cell
 * starts with a space and all but the last column are padded to their widest cell plus two.
 */
final class Table {

    private final List<String[]> rows = new ArrayList<>();

    /**
     * Starts a table.
     *
     * @param header the column titles
     */
    Table(String... header) {
        rows.add(header);
    }

    /**
     * Adds a row.
     *
     * @param cells one value per column, printed with {@code String.valueOf}
     * @return this table
     */
    Table row(Object... cells) {
        rows.add(Arrays.stream(cells).map(String::valueOf).toArray(String[]::new));
        return this;
    }

    /**
     * Prints the table.
     *
     * @param out where to print
     */
    void print(PrintStream out) {
        int columns = rows.getFirst().length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, rows.getFirst(), widths);
        for (int width : widths) {
            text.repeat('-', width + 3);
        }
        text.append('\n');
        for (String[] row : rows.subList(1, rows.size())) {
            line(text, row, widths);
        }
        out.print(text);
    }

    private static void line(StringBuilder text, String[] row, int[] widths) {
        for (int i = 0; i < row.length; i++) {
            text.append(' ').append(row[i]);
            if (i < row.length - 1) {
                text.repeat(' ', widths[i] - row[i].length() + 2);
            }
        }
        text.append('\n');
    }
}
