#!/usr/bin/env bash
# The system packages `npm start` and `npm test` need, in one place (`.ci/run` relies on `npm test` calling this).
# Usage: scripts/system-packages.sh start|test
#   start: Chromium and its fonts (the demo);
#   test:  also firefox-esr (the Firefox core flow), LibreOffice Calc (the CSV export is opened in it) and
#          Chromium's French (the localized manifest is checked in a French browser).
# What is missing is installed with apt-get when we are root on a machine that has it; otherwise we stop at once
# with one line naming the command to run. CHROMIUM_PATH / FIREFOX_PATH point at other browsers.
set -euo pipefail

want="${1:-test}"
missing=()

has_command() { command -v "$1" >/dev/null 2>&1; }
# soffice alone may be LibreOffice without Calc, which cannot open a CSV: ask the package manager where there is one.
has_calc() {
  if has_command dpkg-query; then
    dpkg-query -W -f='${Status}' libreoffice-calc 2>/dev/null | grep -q 'install ok installed'
  else
    has_command soffice
  fi
}

if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || { echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2; exit 1; }
else
  [ -x /usr/bin/chromium ] || missing+=(chromium)
fi
fc-list 2>/dev/null | grep -qi 'liberation' || missing+=(fonts-liberation)

if [ "$want" = "test" ]; then
  if [ -n "${FIREFOX_PATH:-}" ]; then
    [ -x "$FIREFOX_PATH" ] || { echo "FIREFOX_PATH=$FIREFOX_PATH is not an executable file." >&2; exit 1; }
  else
    has_command firefox-esr || missing+=(firefox-esr)
  fi
  has_calc || missing+=(libreoffice-calc)
  # The French manifest is checked in a French Chromium: Debian ships its other UI languages apart.
  [ -n "${CHROMIUM_PATH:-}" ] || [ -f /usr/lib/chromium/locales/fr.pak ] || missing+=(chromium-l10n)
elif [ "$want" != "start" ]; then
  echo "usage: $0 start|test" >&2
  exit 2
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && has_command apt-get; then
  echo "Installing the system packages the ${want} needs: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

echo "Missing system packages; run: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
exit 1
