package org.jxen.testfixtures.xend;

import java.util.List;
import java.util.Map;

/**
 * A request as the fake xend received it, for tests to check what reached the server.
 *
 * @param method the HTTP method
 * @param target the request target exactly as sent (path and query, still percent-encoded)
 * @param segments the path split on {@code /} and then percent-decoded segment by segment, as
 *     xend does (so {@code %2F} stays inside its segment)
 * @param args the query and form fields merged, each key to its values, as Python's {@code cgi.parse_qs} gives them
 * @param headers the header fields, names in lower case
 */
public record XendRequest(String method, String target, List<String> segments, Map<String, List<String>> args,
        Map<String, String> headers) {

    /**
     * Copies the collections.
     *
     * @param method the HTTP method
     * @param target the request target
     * @param segments the decoded path segments
     * @param args the fields
     * @param headers the header fields
     */
    public XendRequest {
        segments = List.copyOf(segments);
        args = Map.copyOf(args);
        headers = Map.copyOf(headers);
    }
}
