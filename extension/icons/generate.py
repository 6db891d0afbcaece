#!/usr/bin/env python3
# Draws the extension's icons (a teal disc with a white redaction bar) as PNGs with only
# the standard library. Run once: python3 generate.py; the PNGs are committed.
import os, struct, zlib

def png(size):
    rows = []
    c = (size - 1) / 2.0
    r = size / 2.0 - 0.5
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            # 4x4 supersampling for smooth edges.
            disc = bar = 0
            for sy in range(4):
                for sx in range(4):
                    px, py = x + (sx + 0.5) / 4 - 0.5, y + (sy + 0.5) / 4 - 0.5
                    inside = (px - c) ** 2 + (py - c) ** 2 <= r * r
                    disc += inside
                    bar += inside and abs(py - c) <= size * 0.11 and abs(px - c) <= size * 0.30
            a = disc / 16.0
            w = bar / 16.0
            teal = (0x0f, 0x6e, 0x6e)
            col = [round(teal[i] * (1 - w / max(a, 1e-9)) + 255 * (w / max(a, 1e-9))) if a else 0 for i in range(3)]
            row += bytes(col + [round(255 * a)])
        rows.append(bytes(row))
    raw = b"".join(rows)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

here = os.path.dirname(os.path.abspath(__file__))
for s in (16, 32, 48, 128):
    with open(os.path.join(here, f"{s}.png"), "wb") as f:
        f.write(png(s))
