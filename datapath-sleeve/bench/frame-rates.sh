#!/bin/sh
# Frame rates of Weft's two frame ports (TAP device vs AF_PACKET on a veth pair) through a Linux bridge.
# Needs root (CAP_NET_ADMIN). Creates a bridge wfbench*, a TAP and a veth pair, and removes them at the end.
# Usage: datapath-sleeve/bench/frame-rates.sh [seconds-per-measurement]
set -eu
cd "$(dirname "$0")/../.."
mvn -o -q -B -pl datapath-sleeve -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="datapath-sleeve/target/test-classes:datapath-sleeve/target/classes:core/target/classes"
CP="$CP:$(cat datapath-sleeve/target/bench.classpath)"
exec java -cp "$CP" net.weft.sleeve.host.bench.FrameRateBenchmark "$@"
