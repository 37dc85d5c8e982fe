#!/usr/bin/env bash
# daemon-startup.sh: start-up time and resident memory of real weft daemons, each in its own network
# namespace, all on one bridge (itself in a namespace), for a mesh of 1 and of 50 peers (override with
# PEER_COUNTS="1 10 50"). Every daemon is launched with the first one as its target; discovery (the default)
# then links every pair. Start-up time = from exec to the first HTTP 200 on its /status; resident memory =
# RSS of each JVM once the mesh has settled (SETTLE_SECONDS, default 20) after the last start.
# Needs root and iproute2. Builds the weft CLI (mvn package) if it is missing. Cleans up on any exit.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
counts=${PEER_COUNTS:-"1 50"}
settle=${SETTLE_SECONDS:-20}
jvm_flags=${WEFT_BENCH_JVM:-"-Xmx64m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=64m"}
prefix="wft$(printf '%04x' $((RANDOM % 65536)))"
[ "$(id -u)" = 0 ] || { echo "daemon-startup: needs root (network namespaces)" >&2; exit 1; }
command -v ip >/dev/null || { echo "daemon-startup: needs iproute2" >&2; exit 1; }

jar=$(ls "$here"/cli/target/weft-cli-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ] || [ ! -d "$here/cli/target/lib" ]; then
    echo "daemon-startup: building the weft CLI (mvn package)..." >&2
    (cd "$here" && mvn -q -B -o -DskipTests package -pl cli -am) >&2
    jar=$(ls "$here"/cli/target/weft-cli-*.jar | head -n 1)
fi
cp="$jar:$here/cli/target/lib/*"
logs=$(mktemp -d /tmp/weft-bench.XXXXXX)

namespaces=()
cleanup() {
    for ns in "${namespaces[@]}"; do
        for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
        ip netns del "$ns" 2>/dev/null || true
    done
    namespaces=()
}
trap cleanup EXIT INT TERM

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# status_ok NS: true when the daemon in NS answers GET /status with 200.
status_ok() {
    ip netns exec "$1" bash -c 'exec 3<>/dev/tcp/127.0.0.1/6784 && printf "GET /status HTTP/1.0\r\n\r\n" >&3 &&
        head -n 1 <&3' 2>/dev/null | grep -q ' 200 '
}

run_mesh() {
    local n=$1 br="${prefix}br" i ns ip first_ip="" t0 t1 pid rss
    local starts=() rsss=()
    ip netns add "$br"; namespaces+=("$br")
    ip -n "$br" link add br0 type bridge
    ip -n "$br" link set br0 up
    for i in $(seq 1 "$n"); do
        ns="${prefix}p$i"; ip="10.202.$((i / 250)).$((i % 250 + 1))"
        ip netns add "$ns"; namespaces+=("$ns")
        ip -n "$ns" link set lo up
        ip link add "${prefix}a$i" type veth peer name "${prefix}b$i"
        ip link set "${prefix}a$i" netns "$ns"
        ip link set "${prefix}b$i" netns "$br"
        ip -n "$br" link set "${prefix}b$i" master br0 up
        ip -n "$ns" addr add "$ip/16" dev "${prefix}a$i"
        ip -n "$ns" link set "${prefix}a$i" up
        [ -z "$first_ip" ] && first_ip=$ip
        t0=$(now_ms)
        # shellcheck disable=SC2086
        ip netns exec "$ns" java $jvm_flags -cp "$cp" net.weft.cli.Main launch \
            --name "$(printf '02:00:00:00:%02x:%02x' $((i / 256)) $((i % 256)))" --nickname "p$i" \
            $( [ "$i" -gt 1 ] && echo "$first_ip" ) >"$logs/p$i.log" 2>&1 &
        disown $!
        until status_ok "$ns"; do
            if ! kill -0 $! 2>/dev/null; then echo "daemon p$i died; see $logs/p$i.log" >&2; exit 1; fi
            sleep 0.02
        done
        t1=$(now_ms)
        starts+=($((t1 - t0)))
    done
    sleep "$settle"
    for i in $(seq 1 "$n"); do
        pid=$(ip netns pids "${prefix}p$i" | head -n 1)
        rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
        rsss+=("$rss")
    done
    printf '%s\n' "${starts[@]}" | sort -n >"$logs/starts-$n"
    printf '%s\n' "${rsss[@]}" | sort -n >"$logs/rss-$n"
    local peers
    peers=$(ip netns exec "${prefix}p1" bash -c 'exec 3<>/dev/tcp/127.0.0.1/6784 &&
        printf "GET /status HTTP/1.0\r\n\r\n" >&3 && cat <&3' | sed -n 's/^ *Peers: //p')
    awk -v n="$n" -v peers="$peers" '
        FNR == 1 { f++ }
        f == 1 { s[++ns] = $1; ssum += $1 }
        f == 2 { r[++nr] = $1; rsum += $1 }
        END {
            printf "%3d daemons | start-up ms: median %5d  mean %5d  max %5d | RSS MiB: median %5.1f  mean %5.1f  max %5.1f  total %7.1f | p1 sees Peers: %s\n",
                n, s[int((ns + 1) / 2)], ssum / ns, s[ns], r[int((nr + 1) / 2)] / 1024, rsum / nr / 1024, r[nr] / 1024, rsum / 1024, peers
        }' "$logs/starts-$n" "$logs/rss-$n"
    cleanup
}

echo "weft daemon start-up benchmark: JVM flags: $jvm_flags; $(nproc) cores; logs in $logs"
for n in $counts; do
    run_mesh "$n"
done
