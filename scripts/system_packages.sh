#!/usr/bin/env bash
# The Debian packages Kansrijk needs besides Python (the one list, used by `make setup` and .ci/run):
#   chromium           the browser tests (Playwright drives Debian's chromium)
#   gettext            compilemessages / makemessages (the English catalogue)
#   postgresql         the throw-away cluster of scripts/with_postgres.sh (CI, benchmarks)
#   nodejs npm         the front-end packages (scripts/build_assets.sh)
#   fonts-dejavu-core  the Kaart's PDF flyers and the browser tests' screenshots
# Run as root, it installs whichever are missing; otherwise it prints the one command to run and goes on
# (`make run` works without chromium and postgresql). KANSRIJK_SKIP_SYSTEM_PACKAGES=1 skips the install.
set -euo pipefail

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v msgfmt >/dev/null || need+=(gettext)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v npm >/dev/null || need+=(nodejs npm)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)

[ ${#need[@]} -eq 0 ] && exit 0

command_line="apt-get install -y --no-install-recommends ${need[*]}"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && [ "${KANSRIJK_SKIP_SYSTEM_PACKAGES:-}" != 1 ]; then
  echo "system packages: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "system packages: missing ${need[*]}; install them with:" >&2
  echo "  sudo apt-get update && sudo ${command_line}" >&2
fi
