/**
 * Draws the add-in's ribbon and store icons (a white check mark on the province blue) as PNG files in
 * addin/assets/. Run once with `node --import tsx scripts/build-icons.ts`; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs'
import { crc32, deflateSync } from 'node:zlib'

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])), 0)
  return Buffer.concat([head, data, crc])
}

function buildIcon(size: number): Buffer {
  const rows: Buffer[] = []
  const inCheck = (x: number, y: number) => {
    // Two strokes of a check mark, in unit coordinates, with a thickness that scales with the icon.
    const u = x / size
    const v = y / size
    const t = 0.09
    const d1 = Math.abs(v - (0.52 + (u - 0.22) * 0.9)) < t && u > 0.2 && u < 0.44
    const d2 = Math.abs(v - (0.72 - (u - 0.42) * 1.05)) < t && u > 0.4 && u < 0.8
    return d1 || d2
  }
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4)
    for (let x = 0; x < size; x++) {
      const edge = Math.min(x, y, size - 1 - x, size - 1 - y)
      const inside = edge >= Math.max(1, Math.round(size / 16))
      const [r, g, b, a] = inCheck(x, y)
        ? [255, 255, 255, 255]
        : inside
          ? [30, 58, 138, 255]
          : [30, 58, 138, 0]
      row.set([r, g, b, a], 1 + x * 4)
    }
    rows.push(row)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

for (const size of [16, 32, 64, 80])
  writeFileSync(new URL(`../addin/assets/icon-${size}.png`, import.meta.url), buildIcon(size))
