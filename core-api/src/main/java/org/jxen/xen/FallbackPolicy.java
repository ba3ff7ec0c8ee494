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
 * interface or release) moves on to the next backend, and so does a backend that is
 * {@link Unavailable} (its daemon broke the protocol, went away mid-call or did not answer in
 * time: its connection is reopened on its next call, so a daemon that recovers is used again).
 * Every other code stops the chain at once, because the backend reached Xen and Xen gave a real
 * answer (bad argument, no such domain, permission denied...) that another backend would only
 * repeat or, worse, contradict. When no backend answers, the error is the first unavailable
 * backend's (OPERATION_FAILED, OPERATION_TIMEOUT) or else NO_SUPPORT; it names each backend tried
 * and why, and carries their errors as suppressed exceptions.
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
        // The lists are made only when a backend fails: the path of an answer allocates nothing here.
        List<Failure> failures = null;
        for (Attempt<T> attempt : attempts) {
            Failure failure;
            try {
                return attempt.call().get();
            } catch (Unavailable u) {
                failure = new Failure(attempt.backend(), u.failure(), true);
            } catch (JxenException x) {
                if (x.code() != ErrorCode.NO_SUPPORT) {
                    throw x;
                }
                failure = new Failure(attempt.backend(), x, false);
            }
            failures = failures == null ? new ArrayList<>() : failures;
            failures.add(failure);
        }
        throw noBackendAnswered(operation, failures == null ? List.of() : failures);
    }

    /**
     * One backend that did not answer.
     *
     * @param attempted the backend whose attempt it was
     * @param error what it failed with
     * @param unavailable whether it was {@link Unavailable} rather than unsupported
     */
    private record Failure(Backend attempted, JxenException error, boolean unavailable) {

        /** "xenstore: why", named after the backend that said so: a lookup through privcmd needs xenstore too. */
        String reason() {
            return error.backend().orElse(attempted).name().toLowerCase() + ": " + error.getMessage();
        }
    }

    private static JxenException noBackendAnswered(String operation, List<Failure> failures) {
        JxenException first = failures.stream().filter(Failure::unavailable).map(Failure::error).findFirst().orElse(null);
        StringBuilder why = new StringBuilder("cannot ").append(operation).append(": ");
        if (failures.isEmpty()) {
            why.append("no backend is available");
        } else {
            why.append(first == null ? "no backend supports it (" : "no backend could do it (")
                    .append(String.join("; ", failures.stream().map(Failure::reason).toList())).append(')');
        }
        JxenException failure = first == null ? new JxenException(ErrorCode.NO_SUPPORT, why.toString())
                : new JxenException(first.code(), why.toString(), first.backend().orElse(null),
                        first.detail().orElse(null), first);
        failures.stream().map(Failure::error).filter(e -> e != first).forEach(failure::addSuppressed);
        return failure;
    }
}
