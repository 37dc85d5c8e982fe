#!/usr/bin/env bash
# sleeve-bench.sh - Weft's UDP sleeve against its anchors, in one run on one box (root).
#
#   1. /work/shared/bench/overlay-peers.sh A B C E (called, not copied): underlay veth, kernel VXLAN,
#      tinc 1.0 switch mode (no crypto and default crypto), the minimal C relay (simple and sendmmsg).
#   2. Weft: three namespace hosts h1 - h2 - h3 on an underlay where h1 and h3 cannot reach each other (two
#      veth subnets, h2 does not route), a real `weft launch` daemon in each (TAP on the weft bridge), a
#      container namespace attached to each bridge; container -> container c1 -> c2 (direct) and c1 -> c3
#      (relayed by h2's router).
# Same measurement as overlay-peers.sh: iperf3 single-stream TCP, DUR s, median of REPS (receiver goodput),
# ping -c PING_N -i 0.01 average; same MTUs (underlay UMTU, containers OMTU). Prints one line per case and the
# ratios the issue asks for.
#
# usage: benchmarks/sleeve-bench.sh [--weft-only]      env: DUR=10 REPS=3 PING_N=200 OMTU=1376 UMTU=1500
#        PEERS=/work/shared/bench/overlay-peers.sh  WORK=/tmp/weft-sleeve-bench
#        WEFT_CLASSPATH=... (run a copy of the build instead of building cli/target)
#        WEFT_JAVA_OPTS=... (extra JVM options for the daemons, e.g. a flight recording)
#        ENCRYPTED=0 (skip the encrypted cases)  CRYPTO_ENGINES="java libsodium" (one encrypted round per
#        --crypto-engine value, back to back; default "auto"; labels W-enc-<engine>-direct, plain W-enc-direct
#        for auto)  TOP=1 (`top -H` over one second in the middle of each case's first run: the busiest threads;
#        a line whose id is a process id is that whole process). Every case also prints the CPU time the
#        daemons' sleeve threads (capture, receive) and whole processes spent per byte iperf3 received, from
#        /proc tick counts over its REPS runs: unlike Gbit/s, that does not depend on what else runs on the box.
# needs: root, iproute2, iputils-ping, iperf3, jq, gcc, tinc, Java 17 + Maven (installs the first four with
#        apt-get when missing). Everything it creates is named wsb<pid>* and removed on exit (also Ctrl-C).
set -u
export LC_ALL=C
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DUR=${DUR:-10}; REPS=${REPS:-3}; PING_N=${PING_N:-200}; OMTU=${OMTU:-1376}; UMTU=${UMTU:-1500}
PEERS=${PEERS:-/work/shared/bench/overlay-peers.sh}
WORK=${WORK:-/tmp/weft-sleeve-bench}
P=wsb$$
NSS=(); PIDS=()
die() { echo "ERROR: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "must run as root"
mkdir -p "$WORK"

need=()
for pair in iperf3:iperf3 curl:curl jq:jq gcc:gcc tincd:tinc ping:iputils-ping ip:iproute2; do
    command -v "${pair%%:*}" >/dev/null || need+=("${pair#*:}")
done
for pkg in "${need[@]}"; do
    echo "# installing $pkg" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y "$pkg" >&2 || echo "# apt-get install $pkg failed" >&2
done
for b in iperf3 jq ping ip; do command -v "$b" >/dev/null || die "missing $b"; done
command -v tincd >/dev/null || echo "# tinc missing: overlay-peers.sh reports its cases as NA" >&2

cleanup() {
    local p
    for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
    for p in "${PIDS[@]}"; do
        for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$p" 2>/dev/null; wait "$p" 2>/dev/null
    done
    for p in "${NSS[@]}"; do
        for pid in $(ip netns pids "$p" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
        ip netns del "$p" 2>/dev/null
    done
    PIDS=(); NSS=()
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

# ---- 1. anchors --------------------------------------------------------------------------------------
anchors=$WORK/anchors.txt
: >"$anchors"
if [ "${1:-}" != "--weft-only" ]; then
    [ -x "$PEERS" ] || [ -f "$PEERS" ] || die "no $PEERS"
    echo "# anchors: $PEERS A B C E (takes minutes)" >&2
    DUR=$DUR REPS=$REPS PING_N=$PING_N OMTU=$OMTU UMTU=$UMTU WORK=$WORK/peers bash "$PEERS" A B C E \
        | tee "$anchors"
fi

# ---- 2. Weft -----------------------------------------------------------------------------------------
jar=$(ls "$here"/cli/target/weft-cli-*.jar 2>/dev/null | head -n 1)
if [ -n "${WEFT_CLASSPATH:-}" ]; then
    :
elif [ -z "$jar" ] || [ -n "$(find "$here" -path "$here/*/target" -prune -o -name '*.java' -newer "$jar" -print -quit)" ]; then
    echo "# building weft (mvn package)" >&2
    (cd "$here" && mvn -o -q -B -DskipTests package) >&2 || die "build failed"
    jar=$(ls "$here"/cli/target/weft-cli-*.jar | head -n 1)
fi
JAVA=(java -Xmx256m ${WEFT_JAVA_OPTS:-} -cp "${WEFT_CLASSPATH:-$jar:$here/cli/target/lib/*}" net.weft.cli.Main)
ns() { ip netns add "$P$1" && NSS+=("$P$1") && ip -n "$P$1" link set lo up; }
veth() { # nsA cidrA nsB cidrB tag
    ip link add "${P}a$5" mtu "$UMTU" type veth peer name "${P}b$5" mtu "$UMTU"
    ip link set "${P}a$5" netns "$P$1"; ip link set "${P}b$5" netns "$P$3"
    ip -n "$P$1" addr add "$2" dev "${P}a$5"; ip -n "$P$3" addr add "$4" dev "${P}b$5"
    ip -n "$P$1" link set "${P}a$5" up; ip -n "$P$3" link set "${P}b$5" up
}
for n in h1 h2 h3 c1 c2 c3; do ns $n || die "netns $n"; done
veth h1 10.218.1.1/24 h2 10.218.1.2/24 1
veth h2 10.218.2.2/24 h3 10.218.2.3/24 2
DAEMONS=()
launch() { # host name peers...   (WEFT_PASSWORD from the environment encrypts)
    local h=$1 name=$2; shift 2
    ip netns exec "$P$h" "${JAVA[@]}" launch --name "$name" --nickname "$h" --mtu "$OMTU" "$@" \
        >>"$WORK/weft-$h.log" 2>&1 &
    PIDS+=($!); DAEMONS+=($!)
}
launch_all() { # extra launch flags...
    launch h2 aa:00:00:00:0b:02 "$@"
    launch h1 aa:00:00:00:0b:01 "$@" 10.218.1.2
    launch h3 aa:00:00:00:0b:03 "$@" 10.218.2.2
}
launch_all
attach() { # host container ip tag
    for _ in $(seq 1 150); do ip -n "$P$1" link show weft >/dev/null 2>&1 && break; sleep 0.2; done
    ip -n "$P$1" link show weft >/dev/null 2>&1 || die "no weft bridge in $1 (see $WORK/weft-$1.log)"
    ip link add "${P}v$4" mtu "$OMTU" type veth peer name "${P}w$4" mtu "$OMTU"
    ip link set "${P}v$4" netns "$P$1"; ip link set "${P}w$4" netns "$P$2"
    ip -n "$P$1" link set "${P}v$4" master weft up
    ip -n "$P$2" link set "${P}w$4" name ethwe
    ip -n "$P$2" addr add "$3/24" dev ethwe; ip -n "$P$2" link set ethwe up
}
attach h1 c1 10.219.0.1 1; attach h2 c2 10.219.0.2 2; attach h3 c3 10.219.0.3 3
for _ in $(seq 1 120); do ip netns exec "${P}c1" ping -c 1 -W 1 10.219.0.3 >/dev/null 2>&1 && break; done
ip netns exec "${P}c1" ping -c 1 -W 1 10.219.0.3 >/dev/null 2>&1 || die "c1 cannot reach c3 (logs in $WORK)"

HOSTS=(h2 h1 h3)   # the order launch_all starts them in, so DAEMONS[i] runs on HOSTS[i]
cpu_ticks() { # "host thread ticks" for every thread of every daemon, plus "host all ticks" per daemon
    local i t
    for i in "${!DAEMONS[@]}"; do
        for t in /proc/"${DAEMONS[$i]}"/task/*; do
            awk -v h="${HOSTS[$i]}" -v c="$(tr ' ' '_' 2>/dev/null <"$t/comm")" \
                '{sub(/^.*\) /, ""); print h, c, $12 + $13; print h, "all", $12 + $13}' "$t/stat" 2>/dev/null
        done
    done | awk '{n[$1 " " $2] += $3} END {for (k in n) print k, n[k]}'
}
cpu_per_byte() { # before-file after-file bytes: CPU ns per received byte of the sleeve threads and whole daemons
    awk -v bytes="$3" -v hz="$(getconf CLK_TCK)" 'NR == FNR {b[$1 " " $2] = $3; next}
        $2 ~ /^(weft-sleeve-cap|weft-sleeve-rx|all)$/ && bytes > 0 {
            printf "%s %s=%.2f\n", $1, $2, ($3 - b[$1 " " $2]) * 1e9 / hz / bytes}' "$1" "$2" \
        | sort | awk '{a[$1] = a[$1] " " $2} END {for (h in a) printf "%s:%s  ", h, a[h]; print ""}'
}

measure() { # label server-container server-ip
    local label=$1 s=$2 ip=$3 runs=() r i bytes=0
    ip netns exec "$P$s" iperf3 -s -B "$ip" -p 5201 >"$WORK/$label.server.log" 2>&1 &
    local spid=$!; PIDS+=($spid); sleep 0.5
    timeout 20 ip netns exec "${P}c1" iperf3 -c "$ip" -p 5201 -t 2 >/dev/null 2>&1   # warm-up (JIT)
    if [ "${TOP:-0}" = 1 ]; then   # busiest threads over one second half-way through the first run
        (sleep $((DUR / 2)); top -H -b -d 1 -n 2 -w 160 | awk '/^top -/{f++} f==2' | sed -n '7,19p') \
            >"$WORK/$label.top" 2>&1 &
    fi
    cpu_ticks >"$WORK/$label.cpu0"
    for i in $(seq 1 "$REPS"); do
        r=$(timeout $((DUR + 30)) ip netns exec "${P}c1" iperf3 -c "$ip" -p 5201 -t "$DUR" -J 2>/dev/null \
            | jq -r '"\(.end.sum_received.bits_per_second // 0) \(.end.sum_received.bytes // 0)"')
        runs+=("$(awk -v b="${r%% *}" 'BEGIN{printf "%.3f", (b == "" ? 0 : b) / 1e9}')")
        bytes=$(awk -v a="$bytes" -v b="${r##* }" 'BEGIN{printf "%.0f", a + (b == "" ? 0 : b)}')
    done
    cpu_ticks >"$WORK/$label.cpu1"
    local med rtt
    med=$(printf '%s\n' "${runs[@]}" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
    rtt=$(ip netns exec "${P}c1" ping -c "$PING_N" -i 0.01 -q "$ip" 2>/dev/null | awk -F/ '/^rtt/{print $5}')
    echo "$label gbps=$med rtt_ms=${rtt:-nan}"
    echo "#  $label runs: ${runs[*]}"
    [ "${TOP:-0}" = 1 ] && sed "s/^/#  $label top: /" "$WORK/$label.top"
    echo "#  $label cpu ns/byte: $(cpu_per_byte "$WORK/$label.cpu0" "$WORK/$label.cpu1" "$bytes")"
    local h   # how many frames the routers saw compared with what the fast paths forwarded (cumulative)
    for h in h1 h2; do
        echo "#  $label $h: $(ip netns exec "$P$h" curl -s 127.0.0.1:6782/metrics | awk '
            /^weft_router_steps_total/ {printf "router_steps=%s ", $2}
            /name="(frames_captured|frames_forwarded|frames_received|fast_path_tables_published)"/ {
                match($0, /name="[a-z_]+"/); printf "%s=%s ", substr($0, RSTART + 6, RLENGTH - 7), $2}')"
    done
}
weft=$WORK/weft.txt
{ measure W-direct c2 10.219.0.2; measure W-relayed c3 10.219.0.3; } | tee "$weft"

# ---- the same with encryption (ENCRYPTED=0 skips): daemons relaunched with a password -------------------
if [ "${ENCRYPTED:-1}" = 1 ]; then
    for engine in ${CRYPTO_ENGINES:-auto}; do
        for d in "${DAEMONS[@]}"; do kill -TERM "$d" 2>/dev/null; done
        for d in "${DAEMONS[@]}"; do
            for _ in $(seq 1 100); do kill -0 "$d" 2>/dev/null || break; sleep 0.1; done
        done
        DAEMONS=()
        export WEFT_PASSWORD=sleeve-bench-secret; launch_all --crypto-engine "$engine"; unset WEFT_PASSWORD
        for _ in $(seq 1 150); do ip netns exec "${P}c1" ping -c 1 -W 1 10.219.0.3 >/dev/null 2>&1 && break; done
        tag=W-enc; [ "$engine" = auto ] || tag=W-enc-$engine
        echo "# $tag: $(grep -h 'encryption engine' "$WORK/weft-h1.log" | tail -n 1)"
        { measure "$tag-direct" c2 10.219.0.2; measure "$tag-relayed" c3 10.219.0.3; } | tee -a "$weft"
    done
fi

# ---- ratios --------------------------------------------------------------------------------------------
val() { awk -v c="$1" '$1==c{sub("gbps=","",$2); print $2}' "$anchors" "$weft" | head -n 1; }
ratio() { awk -v a="$(val "$1")" -v b="$(val "$2")" 'BEGIN{ if (b > 0 && a != "") printf "%.2f", a/b; else print "n/a"}'; }
echo "# ratios (throughput):"
echo "W-direct / C-none (tinc, no crypto) = $(ratio W-direct C-none)   (floor 1x, aim 2x)"
echo "W-direct / C-default (tinc)         = $(ratio W-direct C-default)"
echo "W-direct / E-mmsg32 (batched C)     = $(ratio W-direct E-mmsg32)   (aim >= 1)"
echo "W-direct / E-simple (C, 1 syscall)  = $(ratio W-direct E-simple)"
echo "W-direct / B (kernel VXLAN)         = $(ratio W-direct B)"
echo "W-relayed / W-direct                = $(ratio W-relayed W-direct)   (aim >= 0.6)"
for engine in $(printf '%s\n' ${CRYPTO_ENGINES:-auto} | awk '!seen[$0]++'); do   # a repeated engine: first round
    tag=W-enc; [ "$engine" = auto ] || tag=W-enc-$engine
    [ "${ENCRYPTED:-1}" = 1 ] || continue
    echo "$tag-direct / W-direct = $(ratio "$tag-direct" W-direct)   (floor 0.7)"
    echo "$tag-direct / C-default (tinc) = $(ratio "$tag-direct" C-default)   (floor 1x, aim 2x)"
done
