// Draws the tab bar's icons (81×81 PNG, grey and the app's blue) so they can be regenerated without an image
// editor: `node scripts/tab-icons.js` writes images/tab-*.png. Shapes are signed distance functions sampled 4×4 per
// pixel for smooth edges; the PNG is written with zlib, so nothing beyond Node is needed.
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')

const SIZE = 81
const SAMPLES = 4
const STROKE = 3.2
const COLOURS = { '': [0x66, 0x66, 0x66], '-active': [0x1f, 0x5f, 0xbf] }

// Distances: negative inside. Stroked outlines are |d| - half the stroke width.
const roundRect = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r
  const qy = Math.abs(y - cy) - hh + r
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
}
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r
const segment = (x, y, ax, ay, bx, by) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)))
  return Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay))
}
const triangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const side = (px, py, qx, qy) => (qx - px) * (y - py) - (qy - py) * (x - px)
  const s1 = side(ax, ay, bx, by)
  const s2 = side(bx, by, cx, cy)
  const s3 = side(cx, cy, ax, ay)
  const inside = (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0)
  const d = Math.min(segment(x, y, ax, ay, bx, by), segment(x, y, bx, by, cx, cy), segment(x, y, cx, cy, ax, ay))
  return inside ? -d : d
}
const outline = (d) => Math.abs(d) - STROKE / 2
const line = (d) => d - STROKE / 2
const union = (...ds) => Math.min(...ds)
const minus = (a, b) => Math.max(a, -b)

const SHAPES = {
  // 咨询: a speech bubble with a tail at the lower left and three dots.
  chat: (x, y) => union(
    outline(union(roundRect(x, y, 40.5, 35, 26, 19, 9), triangle(x, y, [21, 50], [17, 65], [35, 52]))),
    circle(x, y, 28.5, 35, 3.4), circle(x, y, 40.5, 35, 3.4), circle(x, y, 52.5, 35, 3.4)),
  // 我的案件: a folder with a tab and a document line.
  folder: (x, y) => union(
    outline(union(roundRect(x, y, 40.5, 45, 28, 19, 5), roundRect(x, y, 26, 24, 12, 5, 4))),
    line(segment(x, y, 12.5, 33, 68.5, 33)), line(segment(x, y, 30, 47, 51, 47))),
  // 消息: a bell with its rim and clapper.
  bell: (x, y) => union(
    outline(union(
      minus(roundRect(x, y, 40.5, 38, 17, 19, 16), roundRect(x, y, 40.5, 60, 30, 6, 0)),
      roundRect(x, y, 40.5, 54, 19, 1.2, 1), roundRect(x, y, 40.5, 48, 17, 8, 0))),
    line(segment(x, y, 19, 56, 62, 56)), circle(x, y, 40.5, 62.5, 4.5), circle(x, y, 40.5, 16.5, 3)),
}

/** Coverage (0–1) of each pixel by the shape. */
function coverage(shape) {
  const alpha = new Float64Array(SIZE * SIZE)
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let inside = 0
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (shape(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES) <= 0) inside++
        }
      }
      alpha[py * SIZE + px] = inside / (SAMPLES * SAMPLES)
    }
  }
  return alpha
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buffer) {
  let c = 0xffffffff
  for (const b of buffer) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** An RGBA PNG of one colour whose alpha is the coverage. */
function png(alpha, [r, g, b]) {
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1) // each row starts with filter type 0
    for (let x = 0; x < SIZE; x++) {
      rows.set([r, g, b, Math.round(alpha[y * SIZE + x] * 255)], row + 1 + x * 4)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

const out = path.join(__dirname, '..', 'images')
fs.mkdirSync(out, { recursive: true })
for (const [name, shape] of Object.entries(SHAPES)) {
  const alpha = coverage(shape)
  for (const [suffix, colour] of Object.entries(COLOURS)) {
    fs.writeFileSync(path.join(out, `tab-${name}${suffix}.png`), png(alpha, colour))
  }
}
