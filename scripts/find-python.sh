#!/usr/bin/env bash
# Prints the path of a Python >= 3.12 interpreter. Django 6 needs 3.12+, and
# the default python3 on the project's machines is 3.11, so look further:
# $PYTHON, python3.13/python3.12 on PATH, then pyenv builds.
set -euo pipefail

is_suitable() {
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null
}

candidates=()
[[ -n "${PYTHON:-}" ]] && candidates+=("$PYTHON")
for name in python3.13 python3.12 python3; do
    command -v "$name" >/dev/null 2>&1 && candidates+=("$(command -v "$name")")
done
pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
if command -v pyenv >/dev/null 2>&1; then
    pyenv_root="$(pyenv root)"
fi
for dir in "$pyenv_root"/versions/3.13* "$pyenv_root"/versions/3.12*; do
    [[ -x "$dir/bin/python" ]] && candidates+=("$dir/bin/python")
done

for candidate in "${candidates[@]}"; do
    if is_suitable "$candidate"; then
        echo "$candidate"
        exit 0
    fi
done
echo "No Python 3.12 or newer found. Install one, or set PYTHON=/path/to/python3.12." >&2
exit 1
