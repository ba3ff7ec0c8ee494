package org.jxen.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
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
     * @throws JxenException NO_DOMAIN naming what was tried ({@code no domain with id or name '7'});
     *     any other error at once
     */
    static Domain find(Hypervisor hypervisor, String text) {
        List<Supplier<Domain>> lookups = new ArrayList<>();
        String tried = "";
        OptionalInt id = id(text);
        if (id.isPresent()) {
            lookups.add(() -> hypervisor.domain(id.getAsInt()));
            tried = "id or ";
        }
        if (UUID_TEXT.matcher(text).matches()) {
            lookups.add(() -> hypervisor.domain(UUID.fromString(text)));
            tried = "UUID or ";
        }
        lookups.add(() -> hypervisor.domain(text));
        JxenException last = null;
        for (Supplier<Domain> lookup : lookups) {
            try {
                return lookup.get();
            } catch (JxenException e) {
                if (e.code() != ErrorCode.NO_DOMAIN) {
                    throw e;
                }
                last = e;
            }
        }
        // One lookup: the driver's own words; several: say what was tried, as one message.
        throw lookups.size() == 1 ? last : new JxenException(ErrorCode.NO_DOMAIN,
                "no domain with " + tried + "name '" + text + "'");
    }

    /** The id that text names: digits up to {@link DomainIdentity#MAX_ID}; anything else can only be a name. */
    private static OptionalInt id(String text) {
        if (!DIGITS.matcher(text).matches() || text.length() > 9) {
            return OptionalInt.empty();
        }
        int id = Integer.parseInt(text);
        return id <= DomainIdentity.MAX_ID ? OptionalInt.of(id) : OptionalInt.empty();
    }
}
