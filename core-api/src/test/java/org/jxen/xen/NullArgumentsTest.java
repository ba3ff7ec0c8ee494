package org.jxen.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.jxen.CpuMap;
import org.jxen.CpuMaps;
import org.jxen.Domain;
import org.jxen.DomainIdentity;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.InterfaceVersions;
import org.jxen.JxenException;
import org.jxen.NodeInfo;
import org.jxen.VcpuCount;
import org.jxen.DomainUsage;
import org.jxen.DomainVcpus;
import org.jxen.VcpuInfo;
import org.jxen.VcpuSample;
import org.jxen.VcpuSnapshot;
import org.jxen.VcpuUsage;
import org.jxen.VcpuState;

/**
 * The API's one rule for nulls, checked on every public method and constructor of the API's types
 * by reflection, so a method added later is checked too: a null for any reference parameter is
 * INVALID_ARG naming that parameter, never a NullPointerException. Every other argument is a
 * plausible value, so the null is the only thing wrong with the call.
 */
class NullArgumentsTest {

    private static XenStack stack;
    private static Domain demo;

    @BeforeAll
    static void start() {
        stack = XenStack.all();
        demo = stack.hv.domain("demo");
    }

    @AfterAll
    static void stop() throws Exception {
        stack.close();
    }

    /** Each API type, with the instance its instance methods are called on (null: static members only). */
    private static Map<Class<?>, Object> targets() {
        VcpuSnapshot snapshot = stack.hv.vcpuSnapshot(false);
        DomainUsage usage = stack.hv.vcpuSnapshot(false).usageSince(snapshot).getFirst();
        return Map.ofEntries(
                Map.entry(Hypervisor.class, stack.hv),
                Map.entry(Domain.class, demo),
                Map.entry(CpuMap.class, CpuMap.ofCpus(1, 2)),
                Map.entry(CpuMaps.class, CpuMaps.class),
                Map.entry(DomainIdentity.class, demo.identity()),
                Map.entry(VcpuInfo.class, demo.vcpus().getFirst()),
                Map.entry(NodeInfo.class, stack.hv.nodeInfo()),
                Map.entry(VcpuCount.class, new VcpuCount(1, 2)),
                Map.entry(InterfaceVersions.class, new InterfaceVersions(0x15, 0x15)),
                Map.entry(XenDriver.Builder.class, XenDriver.builder()),
                Map.entry(VcpuSnapshot.class, snapshot),
                Map.entry(DomainVcpus.class, snapshot.domains().getFirst()),
                Map.entry(VcpuSample.class, snapshot.domains().getFirst().vcpus().getFirst()),
                Map.entry(DomainUsage.class, usage),
                Map.entry(VcpuUsage.class, usage.vcpus().getFirst()));
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceParameterRejectsNullByName() {
        List<DynamicTest> tests = new ArrayList<>();
        targets().forEach((type, target) -> {
            List<Executable> members = new ArrayList<>(List.of(type.getConstructors()));
            members.addAll(List.of(type.getMethods()));
            for (Executable member : members) {
                if (member.getDeclaringClass() == Object.class || member.getName().equals("equals")) {
                    continue; // equals(null) is false by Object's contract
                }
                Parameter[] params = member.getParameters();
                for (int i = 0; i < params.length; i++) {
                    if (params[i].getType().isPrimitive()) {
                        continue;
                    }
                    int nullAt = i;
                    tests.add(DynamicTest.dynamicTest(type.getSimpleName() + "." + member.getName() + " null "
                            + params[i].getName(), () -> assertNullRefused(member, target, nullAt)));
                }
            }
        });
        assertTrue(tests.size() >= 25, "the reflection found too few parameters to check: " + tests.size());
        return tests.stream();
    }

    private static void assertNullRefused(Executable member, Object target, int nullAt) throws Exception {
        Parameter[] params = member.getParameters();
        assertTrue(params[nullAt].isNamePresent(), "compile with -parameters");
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            args[i] = i == nullAt ? null : plausible(params[i].getType());
        }
        try {
            if (member instanceof Constructor<?> c) {
                c.newInstance(args);
            } else {
                Method m = (Method) member;
                m.invoke(Modifier.isStatic(m.getModifiers()) ? null : target, args);
            }
            fail(member + " accepted null for " + params[nullAt].getName());
        } catch (InvocationTargetException e) {
            JxenException error = assertInstanceOf(JxenException.class, e.getCause(), member.toString());
            assertEquals(ErrorCode.INVALID_ARG, error.code(), error.getMessage());
            assertTrue(error.getMessage().contains("'" + params[nullAt].getName() + "'"),
                    member + ": " + error.getMessage());
        }
    }

    /** A value a call would accept, so that only the null is wrong. */
    private static Object plausible(Class<?> type) {
        if (type == int.class) {
            return 1;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == int[].class) {
            return new int[] {1};
        }
        if (type == byte[].class) {
            return new byte[] {2, 0};
        }
        Map<Class<?>, Object> values = Map.of(
                String.class, "1",
                CpuMap.class, CpuMap.ofCpus(1),
                UUID.class, UUID.randomUUID(),
                URI.class, URI.create("xen:///"),
                VcpuState.class, VcpuState.RUNNING,
                List.class, List.of(),
                Optional.class, Optional.empty(),
                OptionalDouble.class, OptionalDouble.empty(),
                DomainIdentity.class, new DomainIdentity(1, "demo", new UUID(0, 1)),
                VcpuSnapshot.class, new VcpuSnapshot(0, List.of()));
        Object value = values.get(type);
        if (value == null) {
            throw new AssertionError("no plausible value for " + type + ": add one");
        }
        return value;
    }
}
