#!/usr/bin/env bash
# The e2e tests drive Debian's chromium (Playwright's own browser download cannot work here).
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the e2e tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The e2e tests need Chromium. Install Debian's package (sudo apt-get install chromium)" >&2
echo "or point CHROMIUM_PATH at a Chromium binary." >&2
exit 1
