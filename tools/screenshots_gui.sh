#!/usr/bin/env bash
# Regenerates docs/screenshots/member-*.png: every screen of the member's path in the desktop
# client, in Vietnamese and English (and the ballot at 150 % in high contrast), grabbed offscreen
# by the GUI path test against the real server on loopback.
#   tools/screenshots_gui.sh [BUILD_DIR]   (default: build; needs cv_gui_tests built)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mkdir -p docs/screenshots
rm -f docs/screenshots/member-*.png docs/screenshots/trustee-*.png
# In Viet Nam time (UTC+07:00), as the room sees it, whatever the zone of the machine.
TZ=ICT-7 CV_GUI_SCREENSHOTS="$PWD/docs/screenshots" QT_QPA_PLATFORM=offscreen \
  "$build/tests/client/gui/cv_gui_tests" "[server]" > /dev/null
ls docs/screenshots/member-*.png docs/screenshots/trustee-*.png
