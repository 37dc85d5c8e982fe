#!/usr/bin/env bash
# Prints how the simulator scales: engine-only events/s, then with the real router the time to converge
# random partial meshes (default 100, 1,000 and 10,000 peers), events/s, wall time, peak heap and gossip
# bytes per peer per topology change. Usage: benchmarks/sim-scale.sh [sizes...]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
mvn -q -o -B -DskipTests -pl benchmarks -am package >&2
jar="$here/benchmarks/target/weft-benchmarks.jar"
heap=${SIM_SCALE_HEAP:-8g}
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "process peak RSS: %M KB, wall %e s" java -Xmx"$heap" -cp "$jar" net.weft.bench.SimScaleBenchmark "$@"
else
    java -Xmx"$heap" -cp "$jar" net.weft.bench.SimScaleBenchmark "$@"
fi
echo "scenario too large for CI:"
java -Xmx"$heap" -cp "$jar" net.weft.bench.ScenarioTiming scenarios/src/main/resources/scenarios/random-1000.yaml \
    | tail -n 12 || true
