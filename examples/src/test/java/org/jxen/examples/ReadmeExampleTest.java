package org.jxen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The testing kit's README shows a test of this module, not a copy that could drift: the java block
 * after the README's marker comment must be the region between the tag comments of that test.
 */
class ReadmeExampleTest {

    private static final String MARKER = "<!-- kit-example: examples/src/test/java/org/jxen/examples/VcpuAgentTest.java -->";

    @Test
    void theReadmeExampleIsTheRealTest() throws IOException {
        Path root = Path.of(System.getProperty("jxen.root", "..")).toAbsolutePath().normalize();
        List<String> readme = Files.readAllLines(root.resolve("test-driver/README.md"));
        List<String> test = Files.readAllLines(root.resolve("examples/src/test/java/org/jxen/examples/VcpuAgentTest.java"));
        assertEquals(region(test), fencedBlockAfterMarker(readme));
    }

    /** The lines between {@code // tag::kit-example[]} and {@code // end::kit-example[]}, without their indentation. */
    private static String region(List<String> source) {
        int start = indexOf(source, "// tag::kit-example[]", 0);
        int end = indexOf(source, "// end::kit-example[]", start);
        String indent = source.get(start).substring(0, source.get(start).indexOf("//"));
        return String.join("\n", source.subList(start + 1, end).stream()
                .map(line -> line.startsWith(indent) ? line.substring(indent.length()) : line.strip())
                .toList());
    }

    private static String fencedBlockAfterMarker(List<String> readme) {
        int marker = indexOf(readme, MARKER, 0);
        int open = marker + 1;
        assertEquals("```java", readme.get(open), "the marker is followed by a java block");
        int close = indexOf(readme, "```", open + 1);
        return String.join("\n", readme.subList(open + 1, close));
    }

    private static int indexOf(List<String> lines, String wanted, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(wanted)) {
                return i;
            }
        }
        return fail("no line '" + wanted + "'");
    }
}
