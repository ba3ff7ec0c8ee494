package org.jxen.testfixtures.xenstored;

/** A request failed: the fake answers XS_ERROR with {@link #name()}. */
final class XsError extends Exception {
    private static final long serialVersionUID = 1L;

    XsError(String name) {
        super(name, null, false, false);
    }

    String name() {
        return getMessage();
    }
}
