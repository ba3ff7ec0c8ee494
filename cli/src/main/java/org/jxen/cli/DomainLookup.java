package org.jxen.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jxen.Domain;
import org.jxen.DomainIdentity;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.JxenException;

/**
 * Finds the domain a DOMAIN argument names, as virsh does: all digits is an id first, a UUID is a
 * UUID first, and anything is tried as a name last (a domain may be named {@code 42}).
 */
final class DomainLookup {

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private DomainLookup() {
    }

    /**
     * Finds a domain.
     *
     * @param hypervisor the host
     * @param text a name, an id or a UUID
     * @return the domain
     * @throws JxenException NO_DOMAIN with the message of the first lookup tried (by id for digits,
     *     by UUID for a UUID, by name otherwise); any other error at once
     */
    static Domain find(Hypervisor hypervisor, String text) {
        List<Supplier<Domain>> lookups = new ArrayList<>();
        if (DIGITS.matcher(text).matches()) {
            id(text).ifPresent(id -> lookups.add(() -> hypervisor.domain(id)));
        }
        if (UUID_TEXT.matcher(text).matches()) {
            lookups.add(() -> hypervisor.domain(UUID.fromString(text)));
        }
        lookups.add(() -> hypervisor.domain(text));
        JxenException first = null;
        for (Supplier<Domain> lookup : lookups) {
            try {
                return lookup.get();
            } catch (JxenException e) {
                if (e.code() != ErrorCode.NO_DOMAIN) {
                    throw e;
                }
                first = first == null ? e : first;
            }
        }
        throw first;
    }

    /** Digits that are a possible domain id; longer ones can only be a name. */
    private static Optional<Integer> id(String digits) {
        try {
            int id = Integer.parseInt(digits);
            return id <= DomainIdentity.MAX_ID ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
