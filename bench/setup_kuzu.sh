#!/usr/bin/env bash
# Create bench/.venv (python3 -m venv) and install kuzu==0.11.3 into it.
# Idempotent: re-running reuses the venv and skips pip when the right kuzu is present.
# Afterwards run the Kuzu side of the benchmark with:
#   bench/.venv/bin/python bench/kuzu_run.py --data bench/data/S --queries bench/queries.cypher --out bench/results/kuzu-S.json
set -euo pipefail
KUZU_VERSION="0.11.3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
py="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
    echo "creating virtualenv $venv"
    "$py" -m venv "$venv"
fi

have="$("$venv/bin/python" -c 'import kuzu; print(kuzu.__version__)' 2>/dev/null || true)"
if [ "$have" = "$KUZU_VERSION" ]; then
    echo "kuzu $KUZU_VERSION already installed in $venv"
else
    "$venv/bin/python" -m pip install --disable-pip-version-check --quiet "kuzu==$KUZU_VERSION"
    echo "installed kuzu $("$venv/bin/python" -c 'import kuzu; print(kuzu.__version__)') in $venv"
fi
echo "run: $venv/bin/python $here/kuzu_run.py --help"
