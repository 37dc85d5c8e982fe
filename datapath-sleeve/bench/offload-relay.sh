#!/bin/sh
# TCP throughput through a user-space relay between two TAPs: plain, offload+split, offload+split+coalesce.
# Needs root. Creates namespaces wfrb*, bridges wfrbr* and TAPs wfrt*, and removes them at the end.
# Usage: datapath-sleeve/bench/offload-relay.sh [megabytes-per-run]
set -eu
cd "$(dirname "$0")/../.."
mvn -o -q -B -pl datapath-sleeve -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="datapath-sleeve/target/test-classes:datapath-sleeve/target/classes:core/target/classes"
CP="$CP:$(cat datapath-sleeve/target/bench.classpath)"
exec java -cp "$CP" net.weft.sleeve.host.bench.OffloadRelayBenchmark "$@"
