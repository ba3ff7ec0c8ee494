package org.jxen.libvirtjava;

import java.util.function.Supplier;
import org.jxen.ErrorCode;
import org.jxen.JxenException;

/** Runs jxen calls for the adapter: a {@link JxenException} leaves as the checked {@link LibvirtException}. */
final class Calls {

    private Calls() {
    }

    static <T> T get(Supplier<T> call) throws LibvirtException {
        try {
            return call.get();
        } catch (JxenException e) {
            throw new LibvirtException(e);
        }
    }

    static void run(Runnable call) throws LibvirtException {
        get(() -> {
            call.run();
            return null;
        });
    }

    static JxenException invalidArg(String message) {
        return new JxenException(ErrorCode.INVALID_ARG, message);
    }
}
