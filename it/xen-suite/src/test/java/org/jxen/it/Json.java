package org.jxen.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough JSON for the CLI's {@code --json} output, which is an array of flat objects with
 * string and number values: the suite runs in dom0 on the JDK alone, and a JSON library on its
 * class path would be one more thing that could differ from what a user runs.
 */
final class Json {

    private static final Pattern OBJECT = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern MEMBER =
            Pattern.compile("\"([^\"]*)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.eE+]+|true|false|null)");

    private Json() {
    }

    /**
     * Reads the objects of an array of flat objects, values as text (strings unquoted).
     *
     * @param text e.g. {@code [{"vcpu": 0, "state": "running"}]}
     * @return one map per object, members in order
     */
    static List<Map<String, String>> objects(String text) {
        List<Map<String, String>> objects = new ArrayList<>();
        Matcher o = OBJECT.matcher(text);
        while (o.find()) {
            Map<String, String> members = new LinkedHashMap<>();
            Matcher m = MEMBER.matcher(o.group(1));
            while (m.find()) {
                members.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
            }
            objects.add(members);
        }
        return objects;
    }
}
