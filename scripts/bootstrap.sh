#!/usr/bin/env bash
# Idempotent set-up: a virtual environment with the pinned packages, compiled
# translations, and (with --test) the system packages the browser and PDF
# tests need. Re-running it is cheap: a stamp file remembers what was done.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test_tools=0
[[ "${1:-}" == "--test" ]] && want_test_tools=1

venv=.venv
requirements=requirements/dev.txt
stamp="$venv/.installed-$(cat requirements/*.txt | sha256sum | cut -c1-16)"

if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)'; then
    python="$(scripts/find-python.sh)"
    echo "Creating $venv with $python"
    rm -rf "$venv"
    "$python" -m venv "$venv"
fi
if [[ ! -f "$stamp" ]]; then
    echo "Installing Python packages"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
    "$venv/bin/python" -m pip install --quiet -r "$requirements"
    rm -f "$venv"/.installed-*
    touch "$stamp"
fi

apt_install() {
    if [[ "$(id -u)" != "0" ]]; then
        echo "Missing system packages: $*; install them with: sudo apt-get install -y $*" >&2
        return 1
    fi
    if [[ ! -f /tmp/.openinclusie-apt-updated ]]; then
        apt-get update -qq && touch /tmp/.openinclusie-apt-updated
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! command -v msgfmt >/dev/null 2>&1; then
    apt_install gettext
fi
# WeasyPrint needs Pango; the image normally has it.
if ! ldconfig -p | grep -q libpangoft2-1.0; then
    apt_install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
fi
if [[ "$want_test_tools" == "1" ]]; then
    missing=()
    command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-liberation)
    command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
    if (( ${#missing[@]} )); then
        apt_install "${missing[@]}"
    fi
fi

# Compile the catalogues when a .po is newer than its .mo. (compilemessages
# also refuses to run when there is no catalogue at all, e.g. in a fresh
# clone before the first translation was committed; and skipping it keeps
# concurrent runs, such as CI's two databases, from rewriting the same .mo.)
catalogues_are_stale() {
    local po
    for po in openinclusie/locale/*/LC_MESSAGES/*.po; do
        [[ -e "$po" ]] || continue
        [[ "${po%.po}.mo" -nt "$po" ]] || return 0
    done
    return 1
}
if catalogues_are_stale; then
    "$venv/bin/python" manage.py compilemessages --ignore=.venv --verbosity 0
fi
