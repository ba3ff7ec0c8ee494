package org.jxen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API speaks only jxen's own types: no public or protected member of a public type in the
 * packages users program against names a type of the protocol modules (a protocol type in a
 * public signature is a leak). Only {@code org.jxen.xen.XenDriver.Builder}, the advanced entry
 * point over protocol clients, may.
 */
class PublicBoundaryTest {

    private static final List<String> API_PACKAGES = List.of("org.jxen", "org.jxen.libvirt", "org.jxen.libvirtjava",
            "org.jxen.spi");
    private static final List<String> PROTOCOL_PACKAGES = List.of("org.jxen.hypercall", "org.jxen.xenstore", "org.jxen.xend");

    @Test
    void apiSignaturesNameNoProtocolType() throws Exception {
        List<Class<?>> types = publicTypes();
        assertTrue(types.size() >= 20, "found too few API types to mean anything: " + types);
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : types) {
            List<Executable> members = new ArrayList<>(List.of(type.getDeclaredConstructors()));
            members.addAll(List.of(type.getDeclaredMethods()));
            for (Executable member : members) {
                if (visible(member.getModifiers()) && !member.isSynthetic()) {
                    List<Type> named = new ArrayList<>(List.of(member.getGenericParameterTypes()));
                    named.addAll(List.of(member.getGenericExceptionTypes()));
                    if (member instanceof Method m) {
                        named.add(m.getGenericReturnType());
                    }
                    named.stream().filter(PublicBoundaryTest::isProtocol).forEach(t -> leaks.add(member + " names " + t));
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (visible(field.getModifiers()) && isProtocol(field.getGenericType())) {
                    leaks.add(field + " is a protocol type");
                }
            }
            if (isProtocol(type.getGenericSuperclass())) {
                leaks.add(type + " extends a protocol type");
            }
        }
        assertEquals(List.of(), leaks);
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** A type, or any type argument of it, from a protocol package. */
    private static boolean isProtocol(Type type) {
        if (type == null) {
            return false;
        }
        String name = type.getTypeName();
        return PROTOCOL_PACKAGES.stream().anyMatch(p -> name.contains(p + "."));
    }

    private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(CpuMap.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> types = new ArrayList<>();
        for (String pkg : API_PACKAGES) {
            try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String binaryName = pkg + "." + file.getFileName().toString().replace(".class", "");
                    Class<?> type = Class.forName(binaryName, false, CpuMap.class.getClassLoader());
                    if (!type.isSynthetic() && isExported(type)) {
                        types.add(type);
                    }
                }
            }
        }
        return types;
    }

    /** A public type all of whose enclosing types are public too. */
    private static boolean isExported(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
