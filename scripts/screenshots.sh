#!/usr/bin/env bash
# make screenshots: real QGIS desktop under Xvfb, isolated profile, the built plugin enabled, the
# sample project; the driver (scripts/screenshot_driver.py, run by `qgis --code`) opens the Carbon
# Pool dock, runs the workflow, grabs the window and quits. PNGs go to docs/screenshots/.
#   English UI: dock.png, main_window.png, carbon_map.png (+ dock_before_run.png)
#   Thai UI (locale/userLocale=th, locale/overrideFlag=true): th_dock.png, th_main_window.png
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SHOTS="$ROOT/docs/screenshots"
WORK="$ROOT/build/screenshots"
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || PY=/usr/bin/python3
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run missing (apt-get install xvfb)" >&2; exit 2; }
[ -f "$ROOT/build/plugin/carbon_pool_plugin/metadata.txt" ] || "$PY" scripts/build_plugin.py --out build/plugin
rm -rf "$WORK"; mkdir -p "$WORK" "$SHOTS"
rm -f "$SHOTS"/*done

shoot() {  # shoot <prefix> <lang: en|th> <run: 1|0>
  local prefix="$1" lang="$2" run="$3"
  local profile="$WORK/profile_$lang" project="$WORK/sample_project_$lang.qgz"
  mkdir -p "$profile/profiles/default/QGIS"
  local override=false; [ "$lang" = th ] && override=true
  # The isolated profile: plugin enabled, locale, no welcome/news/version noise.
  cat > "$profile/profiles/default/QGIS/QGIS3.ini" <<INI
[PythonPlugins]
carbon_pool_plugin=true
processing=true

[locale]
userLocale=$lang
overrideFlag=$override

[qgis]
checkVersion=false
showTips=false
allowVersionCheck=false

[core]
NewsFeed\\httpsfeedqgisorg\\disabled=true
INI
  QT_QPA_PLATFORM=offscreen "$PY" scripts/make_sample_project.py --out "$project" \
    --output-folder "$WORK/results_$lang" --language "$lang"
  echo "-- QGIS desktop ($lang) under Xvfb"
  CARBONPOOL_SHOTS="$SHOTS" CARBONPOOL_SHOT_PREFIX="$prefix" CARBONPOOL_SHOT_RUN="$run" \
  CARBONPOOL_SHOT_LOG="$WORK/driver.log" \
  QGIS_CUSTOM_CONFIG_PATH="$profile" QGIS_PLUGINPATH="$ROOT/build/plugin" \
  QT_QPA_PLATFORM=xcb LANG=C.UTF-8 \
    timeout 900 xvfb-run -a -s "-screen 0 1600x1000x24" \
    qgis --nologo --noversioncheck --profiles-path "$profile" \
         --project "$project" --code "$ROOT/scripts/screenshot_driver.py" \
    > "$WORK/qgis_$lang.log" 2>&1 || true
  if [ ! -f "$SHOTS/${prefix}done" ] || [ "$(cat "$SHOTS/${prefix}done")" != 0 ]; then
    echo "screenshots ($lang) failed; see $WORK/driver.log and $WORK/qgis_$lang.log" >&2
    cat "$WORK/driver.log" >&2 || true
    return 1
  fi
}

shoot "" en 1
shoot "th_" th 1
rm -f "$SHOTS"/*done
echo "== screenshots in $SHOTS (driver log: $WORK/driver.log)"
ls -1 "$SHOTS"
