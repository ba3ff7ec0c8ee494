package org.jxen.xen;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jxen.Backend;
import org.jxen.ErrorCode;
import org.jxen.JxenException;

/**
 * The one place where jxen decides whether to try the next backend. An operation is a list of
 * {@link Attempt}s in order of preference; each either answers or throws a {@link JxenException}.
 *
 * <p>The rule: {@link ErrorCode#NO_SUPPORT} (device or socket missing, operation unknown to that
 * interface or release) moves on to the next backend; every other code stops the chain at once,
 * because the backend reached Xen and Xen gave a real answer (bad argument, no such domain,
 * permission denied...) that another backend would only repeat or, worse, contradict. When every
 * backend is unsupported, the error names each one tried and why, and carries their errors as
 * suppressed exceptions.
 */
final class FallbackPolicy {

    private FallbackPolicy() {
    }

    /**
     * One backend's way of doing an operation.
     *
     * @param backend the backend
     * @param call does the operation, or throws a JxenException
     * @param <T> the result type
     */
    record Attempt<T>(Backend backend, Supplier<T> call) {
    }

    /**
     * Runs an operation on the first backend that supports it.
     *
     * @param operation what is being done, for the error message (e.g. "pin vCPU 1 of domain demo")
     * @param attempts the backends in order of preference
     * @param <T> the result type
     * @return the first answer
     */
    static <T> T run(String operation, List<Attempt<T>> attempts) {
        List<JxenException> unsupported = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Attempt<T> attempt : attempts) {
            try {
                return attempt.call().get();
            } catch (JxenException e) {
                if (e.code() != ErrorCode.NO_SUPPORT) {
                    throw e;
                }
                unsupported.add(e);
                // Named after the backend that said so: a lookup through privcmd needs xenstore too.
                reasons.add(e.backend().orElse(attempt.backend()).name().toLowerCase() + ": " + e.getMessage());
            }
        }
        StringBuilder why = new StringBuilder("cannot ").append(operation).append(": ");
        if (unsupported.isEmpty()) {
            why.append("no backend is available");
        } else {
            why.append("no backend supports it (").append(String.join("; ", reasons)).append(')');
        }
        JxenException failure = new JxenException(ErrorCode.NO_SUPPORT, why.toString());
        unsupported.forEach(failure::addSuppressed);
        throw failure;
    }
}
