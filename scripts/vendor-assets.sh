#!/usr/bin/env bash
# Refreshes the vendored front-end files from npm at the pinned versions.
# The files are committed, so neither `make run` nor CI needs npm; run this
# only to upgrade, then commit the result together with the new versions.
set -euo pipefail
cd "$(dirname "$0")/.."

COMPONENT_LIBRARY=@utrecht/component-library-css@9.0.4
# The Voorbeeld theme is the NL Design System's neutral example theme (EUPL);
# the Utrecht tokens are Utrecht's proprietary brand and not ours to use.
DESIGN_TOKENS=@nl-design-system-unstable/voorbeeld-design-tokens@7.4.1
HTMX=htmx.org@2.0.11

workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
(cd "$workdir" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund "$COMPONENT_LIBRARY" "$DESIGN_TOKENS" "$HTMX")

target=openinclusie/static/vendor
cp "$workdir/node_modules/@utrecht/component-library-css/dist/index.css" "$target/utrecht/component-library.css"
cp "$workdir/node_modules/@utrecht/component-library-css/LICENSE"* "$target/utrecht/LICENSE-component-library.md" 2>/dev/null || true
mkdir -p "$target/nl-design-system"
cp "$workdir/node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css" "$target/nl-design-system/voorbeeld-theme.css"
cp "$workdir/node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/LICENSE.md" "$target/nl-design-system/LICENSE.md"
cp "$workdir/node_modules/htmx.org/dist/htmx.min.js" "$target/htmx/htmx.min.js"
cp "$workdir/node_modules/htmx.org/LICENSE" "$target/htmx/LICENSE"
cat > "$target/VERSIONS" <<VERSIONS
$COMPONENT_LIBRARY
$DESIGN_TOKENS
$HTMX
VERSIONS
echo "Vendored: $(tr '\n' ' ' < "$target/VERSIONS")"
