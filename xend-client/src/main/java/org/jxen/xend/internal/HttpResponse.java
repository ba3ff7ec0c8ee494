package org.jxen.xend.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP reply as read off the wire.
 *
 * @param status the status code
 * @param headers the header fields, names in lower case (HTTP names are case-insensitive and
 *     xend capitalizes them as {@code Content-length}); a repeated field keeps its first value
 * @param body the decoded body (de-chunked), never null
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {

    /**
     * Copies the headers.
     *
     * @param status the status code
     * @param headers the header fields, names in lower case
     * @param body the body
     */
    public HttpResponse {
        headers = Map.copyOf(headers);
    }

    /**
     * Returns the body as text, for error messages.
     *
     * @return the body decoded as UTF-8 (malformed bytes replaced), trimmed
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8).strip();
    }
}
