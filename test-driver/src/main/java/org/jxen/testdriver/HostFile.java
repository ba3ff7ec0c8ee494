package org.jxen.testdriver;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jxen.DomainIdentity;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.jxen.testing.SimulatedXen;

/**
 * Reads a simulated host from a JSON file (the format is in test-driver/README.md):
 *
 * <pre>{@code
 * {"xen_version": "4.17.0", "cpus": 4096, "online_cpus": 4096,
 *  "domains": [{"id": 0, "name": "Domain-0", "uuid": "00000000-0000-0000-0000-000000000000",
 *               "vcpus_max": 8, "vcpus_online": 8}]}
 * }</pre>
 *
 * <p>Every problem is a {@link JxenException} with {@link ErrorCode#INVALID_ARG} whose message names
 * the file, the field (as {@code domains[1].uuid}) and what is allowed, so that a typo never becomes
 * a silently different host.
 */
final class HostFile {

    private static final Set<String> HOST_FIELDS = Set.of("xen_version", "cpus", "online_cpus", "domains");
    private static final Set<String> DOMAIN_FIELDS = Set.of("id", "name", "uuid", "vcpus_max", "vcpus_online");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    /** How Jackson names a place inside its messages: "[Source: REDACTED (...); line: 3, column: 14]". */
    private static final Pattern SOURCE_LOCATION = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)]");

    private final Path file;

    private HostFile(Path file) {
        this.file = file;
    }

    /**
     * Reads and checks a host file.
     *
     * @param file the JSON file
     * @return the host it describes, ready to start
     * @throws JxenException INVALID_ARG naming the file and the problem
     */
    static SimulatedXen.Builder read(Path file) {
        HostFile reader = new HostFile(file);
        return reader.host(reader.parse());
    }

    /**
     * Names a host file in messages.
     *
     * @param file the file
     * @return e.g. {@code test host file /srv/big.json}
     */
    static String describe(Path file) {
        return "test host file " + file;
    }

    private JsonNode parse() {
        if (!Files.exists(file)) {
            throw fail("no such file");
        }
        if (Files.isDirectory(file)) {
            throw fail("it is a directory, not a JSON file");
        }
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = mapper.readTree(in);
            if (root == null || root.isMissingNode()) {
                throw fail("it is empty; expected a JSON object with cpus and domains");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String problem = SOURCE_LOCATION.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2");
            throw fail("bad JSON" + where + ": " + problem);
        } catch (IOException e) {
            throw fail("cannot read it: " + e);
        }
    }

    private SimulatedXen.Builder host(JsonNode root) {
        requireObject(root, "the top level", HOST_FIELDS);
        SimulatedXen.Builder builder = SimulatedXen.builder();
        xenVersion(root, builder);
        int cpus = integer(root, "", "cpus", 1, SimulatedXen.MAX_CPUS, "");
        builder.cpus(cpus);
        if (root.has("online_cpus")) {
            builder.onlineCpus(integer(root, "", "online_cpus", 1, cpus, " (at most cpus)"));
        }
        JsonNode domains = root.get("domains");
        if (domains == null || !domains.isArray()) {
            throw mustBe("domains", domains, "an array of domains");
        }
        Map<Integer, String> ids = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<UUID, String> uuids = new HashMap<>();
        for (int i = 0; i < domains.size(); i++) {
            String path = "domains[" + i + "]";
            JsonNode domain = domains.get(i);
            requireObject(domain, path, DOMAIN_FIELDS);
            int id = integer(domain, path + ".", "id", 0, DomainIdentity.MAX_ID, "");
            String name = name(domain, path);
            UUID uuid = uuid(domain, path);
            int max = integer(domain, path + ".", "vcpus_max", 1, SimulatedXen.MAX_VCPUS, "");
            int online = integer(domain, path + ".", "vcpus_online", 1, max, " (at most vcpus_max)");
            unique(ids, id, path, ".id " + id);
            unique(names, name, path, ".name '" + name + "'");
            unique(uuids, uuid, path, ".uuid " + uuid);
            builder.domain(id, name, uuid, max, online);
        }
        if (!ids.containsKey(0)) {
            throw fail("no domain has id 0: a Xen host always runs Domain-0, so the file must list it");
        }
        return builder;
    }

    /** The builder knows the form (and defaults to 4.17.0); the file's message names the field. */
    private void xenVersion(JsonNode root, SimulatedXen.Builder builder) {
        JsonNode node = root.get("xen_version");
        if (node == null) {
            return;
        }
        try {
            builder.xenVersion(node.isTextual() ? node.textValue() : "");
        } catch (IllegalArgumentException e) {
            throw mustBe("xen_version", node, "a string such as \"4.17.0\": major.minor, then at most 15 characters"
                    + " of extra version");
        }
    }

    private String name(JsonNode domain, String path) {
        JsonNode node = domain.get("name");
        if (node == null || !node.isTextual() || node.textValue().isBlank()) {
            throw mustBe(path + ".name", node, "a string that is not blank");
        }
        return node.textValue();
    }

    private UUID uuid(JsonNode domain, String path) {
        JsonNode node = domain.get("uuid");
        if (node == null || !node.isTextual() || !UUID_TEXT.matcher(node.textValue()).matches()) {
            throw mustBe(path + ".uuid", node, "a UUID string such as \"4dea22b3-1d52-d8f3-2516-782e98ab3fa0\"");
        }
        return UUID.fromString(node.textValue());
    }

    /** Records that the domain at {@code path} has {@code key}, failing if an earlier domain had it. */
    private <K> void unique(Map<K, String> seen, K key, String path, String field) {
        String earlier = seen.putIfAbsent(key, path);
        if (earlier != null) {
            throw fail(path + field + " is taken by " + earlier + "; each domain needs its own");
        }
    }

    private int integer(JsonNode parent, String prefix, String field, int min, int max, String note) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()
                || node.intValue() < min || node.intValue() > max) {
            throw mustBe(prefix + field, node, "an integer " + min + "-" + max + note);
        }
        return node.intValue();
    }

    private void requireObject(JsonNode node, String what, Set<String> fields) {
        if (!node.isObject()) {
            throw fail(what + " must be a JSON object, not " + node);
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!fields.contains(field)) {
                throw fail(what + " has an unknown field '" + field + "'; the fields are "
                        + String.join(", ", fields.stream().sorted().toList()));
            }
        }
    }

    private JxenException mustBe(String field, JsonNode value, String expected) {
        return fail(field + " is " + (value == null ? "missing" : value.toString()) + "; it must be " + expected);
    }

    private JxenException fail(String problem) {
        return new JxenException(ErrorCode.INVALID_ARG, describe(file) + ": " + problem);
    }
}
