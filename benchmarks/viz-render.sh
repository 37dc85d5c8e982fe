#!/usr/bin/env bash
# Viewer rendering speed on the software renderer: frames/s for a synthetic mesh of PEERS peers (default 200).
# Usage: benchmarks/viz-render.sh [PEERS] [SECONDS] [FLIGHTS]    (set VIZ_PLATFORM=gtk to use $DISPLAY, e.g. under Xvfb)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$here/weft" --version >/dev/null   # builds cli/target and its lib/ if stale
jar=$(ls "$here"/cli/target/weft-cli-*.jar | head -n 1)
platform=(-Dglass.platform=Monocle -Dmonocle.platform=Headless)
if [ "${VIZ_PLATFORM:-monocle}" = gtk ]; then platform=(); fi
exec java "${platform[@]}" -Dprism.order=sw -Djavafx.animation.fullspeed=true \
    -cp "$jar:$here/cli/target/lib/*" net.weft.viz.fx.RenderBenchmark "${1:-200}" "${2:-5}" ${3:+"$3"}
