#!/usr/bin/env bash
# Writes release/lwkd-web-<version>-<commit>.zip: the built dist/ in one folder with HOSTING.md at its
# top, for anyone to put on a static host or open from their own machine (docs/hosting.md). Builds
# dist/ first when there is none (`bash scripts/build-web.sh`); otherwise packages the one there.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || bash scripts/build-web.sh
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
commit=$(git rev-parse --short=10 HEAD 2>/dev/null || echo unknown)
# A build from a changed tree says so in its name: it is not that commit's.
git diff --quiet HEAD -- 2>/dev/null || commit="$commit-changed"
name="lwkd-web-$version-$commit"
mkdir -p release
rm -f release/lwkd-web-*.zip   # one archive: the newest
python3 - "$name" <<'PY'
import os, sys, zipfile
name = sys.argv[1]
out = f"release/{name}.zip"
with zipfile.ZipFile(out + ".part", "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    z.write("docs/hosting.md", f"{name}/HOSTING.md")
    for root, dirs, files in os.walk("dist"):
        dirs.sort()
        for f in sorted(files):
            path = os.path.join(root, f)
            # Already compressed: stored as they are.
            kind = zipfile.ZIP_STORED if f.endswith((".br", ".gz", ".png")) else zipfile.ZIP_DEFLATED
            z.write(path, f"{name}/{os.path.relpath(path, 'dist')}", compress_type=kind)
os.replace(out + ".part", out)
print(f"{out}: {os.path.getsize(out) / 1e6:.1f} MB")
PY
