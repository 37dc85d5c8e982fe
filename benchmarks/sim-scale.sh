#!/usr/bin/env bash
# Prints how the simulator scales: engine-only events/s, then with the real router the time to converge
# random partial meshes (default 100, 1,000 and 10,000 peers), events/s, wall time, peak heap and gossip
# bytes per peer per topology change.
# Usage: benchmarks/sim-scale.sh [--router-only] [--start-window=SECONDS] [sizes...] (peers start at seeded-random
# times over a 10 s window by default; --start-window=0 starts them all at once).
# Figures and what they mean: benchmarks/sim-scale.md. SIM_SCALE_HEAP sets -Xmx (default 8g: enough for 3,000
# peers; 10,000 need about 20g); SIM_SCALE_PROGRESS=1 prints each virtual second of a run on stderr.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
mvn -q -o -B -DskipTests -pl benchmarks -am package >&2
jar="$here/benchmarks/target/weft-benchmarks.jar"
heap=${SIM_SCALE_HEAP:-8g}
progress=-Dsim.progress=${SIM_SCALE_PROGRESS:+true}
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "process: user %U s, peak RSS %M KB, wall %e s" \
        java -Xmx"$heap" "$progress" -cp "$jar" net.weft.bench.SimScaleBenchmark "$@"
else
    java -Xmx"$heap" "$progress" -cp "$jar" net.weft.bench.SimScaleBenchmark "$@"
fi
echo "scenario too large for CI:"
java -Xmx"$heap" -cp "$jar" net.weft.bench.ScenarioTiming scenarios/src/main/resources/scenarios/random-1000.yaml \
    | tail -n 12 || true
