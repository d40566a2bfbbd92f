"""Prints whether a PNG is a picture of the size Graphviz gave the same drawing as SVG
(points at 96 dots per inch, within two pixels), for the :draw transcript."""
import re
import struct
import sys

png, svg = sys.argv[1], sys.argv[2]
with open(png, "rb") as f:
    head = f.read(24)
assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", head[16:24])
points = re.search(r'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"', open(svg).read())
expected = [float(points.group(i)) * 96 / 72 for i in (1, 2)]
ok = abs(width - expected[0]) <= 2 and abs(height - expected[1]) <= 2
print("PNG size matches the drawing" if ok else f"PNG is {width}x{height}, expected about {expected}")
