#!/usr/bin/env bash
# Opens the real window under Xvfb with `newsline screenshot`, the 30 December call selected,
# and checks each PNG: the size asked for, and a picture rather than a blank window.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --quiet
BIN="${CARGO_TARGET_DIR:-target}/debug/newsline"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"; [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null || true' EXIT

if [ -z "${DISPLAY:-}" ]; then
  Xvfb :97 -screen 0 3840x2400x24 >/dev/null 2>&1 &
  XVFB_PID=$!
  export DISPLAY=:97
  sleep 2
fi
export LIBGL_ALWAYS_SOFTWARE=1

# The id of the 30 December call: the event on that day reported by most sources.
"$BIN" export > "$OUT/story.json"
EVENT=$(python3 - "$OUT/story.json" <<'PY'
import json, sys
story = json.load(open(sys.argv[1]))
day = [e for e in story["events"] if e["when"]["value"] == "2021-12-30"]
best = max(day, key=lambda e: len({m["doc"] for m in e["mentions"]}))
print(best["id"])
PY
)
echo "30 December call: $EVENT"

check() { # FILE WIDTH HEIGHT
  python3 - "$@" <<'PY'
import struct, sys, zlib
path, want_w, want_h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
w, h, depth, color = struct.unpack(">IIBB", data[16:26])
assert (w, h) == (want_w, want_h), f"{path}: {w}x{h}, wanted {want_w}x{want_h}"
# Decode the IDAT stream and count distinct pixels on a sample of rows.
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + n]
    pos += 12 + n
raw = zlib.decompress(idat)
bpp = 4 if color == 6 else 3
stride = w * bpp
prev = bytearray(stride)
colours = set()
for y in range(h):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            line[i] = (line[i] + pr) & 255
    if y % 5 == 0:
        colours.update(bytes(line[i:i + bpp]) for i in range(0, stride, bpp * 2))
    prev = line
assert len(colours) > 50, f"{path}: only {len(colours)} colours, the window looks blank"
print(f"{path}: {w}x{h}, {len(colours)} colours: ok")
PY
}

"$BIN" screenshot --out "$OUT/dark.png" --size 1600x1000 --select "$EVENT" --theme dark
check "$OUT/dark.png" 1600 1000
"$BIN" screenshot --out "$OUT/light.png" --size 1280x720 --select "$EVENT" --theme light
check "$OUT/light.png" 1280 720
# One panel, and twice the pixel density for slides.
"$BIN" screenshot --out "$OUT/timeline.png" --size 1600x1000 --select "$EVENT" --panel timeline
python3 - "$OUT/timeline.png" <<'PY'
import struct, sys
w, h = struct.unpack(">II", open(sys.argv[1], "rb").read()[16:24])
assert 600 < w < 1600 and 250 < h < 1000, f"timeline panel is {w}x{h}"
print(f"timeline panel {w}x{h}: ok")
PY
"$BIN" screenshot --out "$OUT/slide.png" --size 1280x720 --select "$EVENT" --theme light --scale 2
check "$OUT/slide.png" 2560 1440

echo "== desktop entry"
DATA="$OUT/share"
XDG_DATA_HOME="$DATA" "$BIN" install-desktop
desktop-file-validate "$DATA/applications/newsline.desktop"
desktop-file-validate assets/newsline.desktop
test -s "$DATA/icons/hicolor/256x256/apps/newsline.png"
echo "desktop entry: ok"
