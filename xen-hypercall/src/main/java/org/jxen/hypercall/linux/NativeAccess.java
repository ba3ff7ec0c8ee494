package org.jxen.hypercall.linux;

import org.jxen.hypercall.NativeAccessException;

/**
 * Checks, before the first downcall, that the JVM lets this module call native code. Without the
 * check a JVM started with {@code --illegal-native-access=deny} throws an {@code Error} from
 * {@link Libc}'s initializer and {@code NoClassDefFoundError} ever after, and one in the default
 * mode prints a warning; either way the user learns nothing about the flag they need.
 */
final class NativeAccess {

    private NativeAccess() {
    }

    /** Throws {@link NativeAccessException} naming the flag unless native access is enabled. */
    static void require() {
        Module module = NativeAccess.class.getModule();
        if (module.isNativeAccessEnabled()) {
            return;
        }
        String flag;
        String where;
        if (module.isNamed()) {
            flag = "--enable-native-access=" + module.getName();
            where = "to the java command (jxen is on the module path)";
        } else if (launchedFromJar()) {
            flag = "Enable-Native-Access: ALL-UNNAMED";
            where = "to the main section of the executable jar's manifest (or --enable-native-access=ALL-UNNAMED"
                    + " to the java command)";
        } else {
            flag = "--enable-native-access=ALL-UNNAMED";
            where = "to the java command (jxen is on the class path)";
        }
        throw new NativeAccessException(flag, "the JVM does not allow jxen native access, which /dev/xen/privcmd needs:"
                + " add " + flag + " " + where);
    }

    /** {@code java -jar app.jar}: the launcher records the jar as the command's first word. */
    private static boolean launchedFromJar() {
        String command = System.getProperty("sun.java.command", "");
        String first = command.split(" ", 2)[0];
        return first.endsWith(".jar") && first.equals(System.getProperty("java.class.path"));
    }
}
