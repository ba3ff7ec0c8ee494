package org.jxen.xend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SexprFieldsTest {

    private static final Sexpr.SList DOMAIN = (Sexpr.SList) SexprReader.readOne(
            "(domain (domid 3) (vcpus '4') (maxmem None) (memory 'None') (vcpu_avail '18446744073709551615')"
                    + " (cpu_time 14.629698989) (tiny 1e-05) (name demo) (name second) (empty) (list (a b))"
                    + " (device (vbd (dev xvda))) (device (vif (mac 00:16:3e:00:00:01))) (bad 4x) (big 2147483648))");

    @Test
    void findsFieldsByName() {
        assertEquals(Optional.of("domain"), DOMAIN.name());
        assertEquals(Optional.of("demo"), DOMAIN.string("name"), "the first of two");
        assertEquals(2, DOMAIN.children("device").size());
        assertEquals(Optional.of(SexprReader.readOne("(a b)")), DOMAIN.value("list"));
        assertEquals(Optional.empty(), DOMAIN.child("absent"));
        assertEquals(Optional.empty(), DOMAIN.value("empty"));
        assertTrue(DOMAIN.child("empty").isPresent());
        assertEquals(Optional.empty(), new Sexpr.SList(List.of()).name());
        assertEquals(Optional.empty(), ((Sexpr.SList) SexprReader.readOne("((a) (b 1))")).name());
    }

    @Test
    void theHeadIsNotAField() {
        // (vcpus ...) as the head of the list itself must not be found as its own child
        Sexpr.SList s = (Sexpr.SList) SexprReader.readOne("(vcpus (x 1))");
        assertEquals(Optional.empty(), s.child("vcpus"));
    }

    @Test
    void numbersAreReadBareOrQuoted() {
        assertEquals(OptionalInt.of(3), DOMAIN.intValue("domid"));
        assertEquals(OptionalInt.of(4), DOMAIN.intValue("vcpus"));
        assertEquals(OptionalLong.of(4), DOMAIN.longValue("vcpus"));
        assertEquals(Optional.of(new BigInteger("18446744073709551615")), DOMAIN.bitmaskValue("vcpu_avail", 64));
        assertThrows(SexprException.class, () -> DOMAIN.bitmaskValue("vcpu_avail", 63));
        assertEquals(OptionalDouble.of(14.629698989), DOMAIN.doubleValue("cpu_time"));
        assertEquals(OptionalDouble.of(0.00001), DOMAIN.doubleValue("tiny"));
        assertEquals(OptionalDouble.of(3.0), DOMAIN.doubleValue("domid"));
    }

    @Test
    void pythonNoneBareOrQuotedIsAbsent() {
        assertEquals(OptionalInt.empty(), DOMAIN.intValue("maxmem"));
        assertEquals(OptionalLong.empty(), DOMAIN.longValue("memory"));
        assertEquals(OptionalDouble.empty(), DOMAIN.doubleValue("memory"));
        assertEquals(Optional.of("None"), DOMAIN.string("memory"), "as text it is just text");
    }

    @Test
    void wrongTypesAreTypedErrors() {
        assertThrows(SexprException.class, () -> DOMAIN.intValue("bad"));
        assertThrows(SexprException.class, () -> DOMAIN.doubleValue("bad"));
        assertThrows(SexprException.class, () -> DOMAIN.intValue("big"));
        assertThrows(SexprException.class, () -> DOMAIN.longValue("vcpu_avail"));
        assertThrows(SexprException.class, () -> DOMAIN.intValue("cpu_time"));
        assertThrows(SexprException.class, () -> DOMAIN.string("list"));
        assertFalse(DOMAIN.intValue("absent").isPresent());
    }

    @Test
    void equalityAndHashingFollowTheStructure() {
        Sexpr x = SexprReader.readOne("(a (b 'c') ())");
        Sexpr y = Sexpr.list(Sexpr.atom("a"), Sexpr.named("b", Sexpr.atom("c")), Sexpr.list());
        assertEquals(x, y);
        assertEquals(x.hashCode(), y.hashCode());
        assertEquals(List.of(Sexpr.atom("a"), List.of(Sexpr.atom("b"), Sexpr.atom("c")), List.of()).hashCode(), x.hashCode(),
                "the same hash as the equivalent nested java.util.List");
        assertFalse(x.equals(SexprReader.readOne("(a (b c) (d))")));
        assertFalse(x.equals(SexprReader.readOne("(a (b c))")));
        assertFalse(x.equals(SexprReader.readOne("(a (b d) ())")));
        assertFalse(x.equals(SexprReader.readOne("(a b ())")));
        assertFalse(x.equals(Sexpr.atom("a")));
    }
}
