# Sourced by the project's scripts: finds a JDK >= 22 and Maven, installing Maven from
# Debian's packages when it is missing. The default `java` on our machines is 17, which is
# too old for the Foreign Function & Memory API, so a JDK is chosen explicitly.
JXEN_MIN_JAVA=22
JXEN_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Prints the feature version (17, 22, 25...) of the Java runtime at $1, or nothing if it is none.
# A runtime without javac (a jlinked one, as in the Xen lab's dom0) runs a built jxen; Maven says
# so when a build needs the compiler.
jxen_jdk_version() {
  [ -x "$1/bin/java" ] || return 0
  local v
  # The JDK's release file answers without starting a JVM (bin/jxen runs this on every call).
  [ -f "$1/release" ] && v=$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*/\1/p' "$1/release")
  [ -n "${v:-}" ] || v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p')
  echo "${v#1.}" | cut -d. -f1
}

# Sets JAVA_HOME to the first JDK >= 22 of: $JAVA_HOME, `java` on PATH, the newest under /usr/lib/jvm.
jxen_find_jdk() {
  local seen=() home v best="" bestv=0
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(jxen_jdk_version "$JAVA_HOME"); seen+=("JAVA_HOME=$JAVA_HOME (${v:-not a JDK})")
    if [ -n "$v" ] && [ "$v" -ge "$JXEN_MIN_JAVA" ]; then export JAVA_HOME; return 0; fi
  fi
  if command -v java >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    v=$(jxen_jdk_version "$home"); seen+=("java on PATH: $home (${v:-not a JDK})")
    if [ -n "$v" ] && [ "$v" -ge "$JXEN_MIN_JAVA" ]; then export JAVA_HOME=$home; return 0; fi
  fi
  for home in /usr/lib/jvm/*/; do
    home=${home%/}; [ -L "$home" ] && continue
    v=$(jxen_jdk_version "$home"); seen+=("$home (${v:-not a JDK})")
    if [ -n "$v" ] && [ "$v" -gt "$bestv" ]; then best=$home; bestv=$v; fi
  done
  if [ "$bestv" -ge "$JXEN_MIN_JAVA" ]; then export JAVA_HOME=$best; return 0; fi
  echo "jxen: no JDK >= $JXEN_MIN_JAVA found. Looked at:" >&2
  printf '  %s\n' "${seen[@]:-nothing}" >&2
  echo "Install one (e.g. a Temurin JDK under /usr/lib/jvm) or set JAVA_HOME." >&2
  return 1
}

# Makes sure `mvn` exists, installing Debian's maven package when it is missing.
jxen_find_maven() {
  command -v mvn >/dev/null 2>&1 || "$JXEN_ROOT/scripts/ensure-packages" maven
}

# Runs Maven on the chosen JDK, from the project root.
jxen_mvn() {
  local opts="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
  # Maven's own guava calls sun.misc.Unsafe, which JDK 24+ warns about on every run; allow it quietly.
  [ "$(jxen_jdk_version "$JAVA_HOME")" -ge 23 ] && opts="$opts --sun-misc-unsafe-memory-access=allow"
  (cd "$JXEN_ROOT" && MAVEN_OPTS="${MAVEN_OPTS:-} $opts" mvn -B -Dstyle.color=never "$@")
}
