#!/bin/sh
# Datagram rates of Weft's batched UDP socket on the loopback: one sendto per datagram vs sendmmsg of 32.
# No root needed. Usage: datapath-sleeve/bench/udp-rates.sh [seconds-per-measurement] [rounds]
set -eu
cd "$(dirname "$0")/../.."
mvn -o -q -B -pl datapath-sleeve -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="datapath-sleeve/target/test-classes:datapath-sleeve/target/classes:core/target/classes"
CP="$CP:$(cat datapath-sleeve/target/bench.classpath)"
exec java -cp "$CP" net.weft.sleeve.host.bench.UdpRateBenchmark "$@"
