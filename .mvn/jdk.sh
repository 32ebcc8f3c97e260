# Sourced by mvnw, mosaic and .ci/run: points JAVA_HOME at the newest JDK >= 21 it can find,
# because Mosaic compiles for Java 21 and machines here default to 17.
mosaic_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
mosaic_find_jdk() {
  set +f  # mvnw runs with globbing off
  best=""; best_v=0
  for home in ${JAVA_HOME:-} /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$home/bin/javac" ] || continue
    v=$(mosaic_java_major "$home"); [ -n "$v" ] || continue
    if [ "$v" -gt "$best_v" ]; then best="$home"; best_v="$v"; fi
  done
  [ "$best_v" -ge 21 ] && printf '%s\n' "$best"
}
if [ -z "${JAVA_HOME:-}" ] || [ "$(mosaic_java_major "$JAVA_HOME" 2>/dev/null || echo 0)" -lt 21 ] 2>/dev/null; then
  _jdk=$(mosaic_find_jdk || true)
  if [ -n "$_jdk" ]; then
    JAVA_HOME="$_jdk"; export JAVA_HOME
  else
    echo "Mosaic needs a JDK 21 or newer (none found under /usr/lib/jvm or JAVA_HOME). Install one, e.g. 'apt-get install openjdk-21-jdk-headless'." >&2
    exit 1
  fi
fi
