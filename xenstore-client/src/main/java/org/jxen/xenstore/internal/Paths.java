package org.jxen.xenstore.internal;

import java.util.Objects;
import org.jxen.xenstore.XenstoreError;
import org.jxen.xenstore.XenstoreErrorException;

/** xenstored's node-name rules (is_valid_nodename), checked before a path is sent. */
final class Paths {
    /** XENSTORE_ABS_PATH_MAX. */
    static final int ABSOLUTE_MAX = 3072;
    /** XENSTORE_REL_PATH_MAX. */
    static final int RELATIVE_MAX = 2048;

    private Paths() {
    }

    /** A node path: absolute or relative. */
    static String node(String path) {
        return check(path, false);
    }

    /** A watch path: a node path or a special one such as {@code @releaseDomain}. */
    static String watch(String path) {
        return check(path, true);
    }

    private static String check(String path, boolean allowSpecial) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            throw invalid(path, "empty");
        }
        if (path.startsWith("@") && !allowSpecial) {
            throw invalid(path, "special @ paths are only for watches");
        }
        int max = path.startsWith("/") ? ABSOLUTE_MAX : RELATIVE_MAX;
        if (path.length() > max) {
            throw invalid(path.substring(0, 40) + "...", path.length() + " characters, over " + max);
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '/' || c == '_' || c == '@';
            if (!allowed) {
                throw invalid(path, "character '" + c + "' at " + i + " is not one of A-Z a-z 0-9 - / _ @");
            }
        }
        if (path.contains("//")) {
            throw invalid(path, "contains //");
        }
        if (path.endsWith("/") && !path.equals("/")) {
            throw invalid(path, "ends with /");
        }
        return path;
    }

    private static XenstoreErrorException invalid(String path, String why) {
        return new XenstoreErrorException(XenstoreError.EINVAL,
                "invalid xenstore path \"" + path + "\": " + why + " (refused before sending)");
    }
}
