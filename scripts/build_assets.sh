#!/usr/bin/env bash
# Copy the pinned front-end packages (npm) into Django's static tree. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules/@amsterdam/design-system-css ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
out=src/kansrijk/static/vendor
rm -rf "$out.tmp" && mkdir -p "$out.tmp/ads/font" "$out.tmp/ads/icons" "$out.tmp/ads/logo" "$out.tmp/ads/favicon" "$out.tmp/htmx"
cp node_modules/@amsterdam/design-system-css/dist/index.css "$out.tmp/ads/components.css"
cp node_modules/@amsterdam/design-system-tokens/dist/index.css "$out.tmp/ads/tokens.css"
cp node_modules/@amsterdam/design-system-tokens/dist/compact.css "$out.tmp/ads/tokens-compact.css"
cp node_modules/@amsterdam/design-system-assets/font/*.woff2 node_modules/@amsterdam/design-system-assets/font/index.css "$out.tmp/ads/font/"
cp -r node_modules/@amsterdam/design-system-assets/icons/. "$out.tmp/ads/icons/"
cp -r node_modules/@amsterdam/design-system-assets/logo/. "$out.tmp/ads/logo/"
cp -r node_modules/@amsterdam/design-system-assets/favicon/. "$out.tmp/ads/favicon/"
cp node_modules/htmx.org/dist/htmx.min.js "$out.tmp/htmx/htmx.min.js"
rm -rf "$out" && mv "$out.tmp" "$out"
echo "assets: $(find "$out" -type f | wc -l) files in $out"
