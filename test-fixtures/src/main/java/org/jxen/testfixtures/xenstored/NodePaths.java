package org.jxen.testfixtures.xenstored;

/** xenstored's rules for node names, and the canonical (absolute) form of a dom0 connection's paths. */
final class NodePaths {
    /** Relative paths of a dom0 connection are under its home. */
    static final String HOME = "/local/domain/0";

    private NodePaths() {
    }

    /** The absolute path, or EINVAL; {@code @} paths only when {@code special}. */
    static String canonical(String path, boolean special) throws XsError {
        boolean absolute = path.startsWith("/");
        if (path.isEmpty() || (path.startsWith("@") && !special)
                || path.length() > (absolute ? 3072 : 2048)
                || path.contains("//") || (path.endsWith("/") && !path.equals("/"))
                || !path.chars().allMatch(NodePaths::allowed)) {
            throw new XsError("EINVAL");
        }
        return absolute || path.startsWith("@") ? path : HOME + "/" + path;
    }

    /** The path as the client wrote it: relative again if it was given relative. */
    static String asGiven(String canonical, boolean relative) {
        return relative && canonical.startsWith(HOME + "/") ? canonical.substring(HOME.length() + 1) : canonical;
    }

    private static boolean allowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-/_@".indexOf(c) >= 0;
    }
}
