// Draws the app icon (static/icon.svg: a white funnel on a blue rounded square) as a PNG of
// `size` × `size` pixels, for the web app manifest. Node only: a minimal PNG encoder (RGBA,
// no filter, zlib) and 4 × 4 samples per pixel for smooth edges. Deterministic.
import { deflateSync } from 'node:zlib';

const BLUE = [0x0b, 0x5c, 0xad];
const WHITE = [0xff, 0xff, 0xff];
// The funnel of icon.svg, in its 512-unit box.
const FUNNEL = [[96, 120], [416, 120], [304, 256], [304, 376], [208, 424], [208, 256]];
const RADIUS = 96;

function insidePolygon(x, y, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, RADIUS), 512 - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), 512 - RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function drawIcon(size) {
  const SAMPLES = 4;
  const scale = 512 / size;
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let py = 0; py < size; py += 1) {
    const row = py * (1 + size * 4);
    rows[row] = 0; // filter: none
    for (let px = 0; px < size; px += 1) {
      let square = 0;
      let funnel = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = (px + (sx + 0.5) / SAMPLES) * scale;
          const y = (py + (sy + 0.5) / SAMPLES) * scale;
          if (insideRoundedSquare(x, y)) {
            square += 1;
            if (insidePolygon(x, y, FUNNEL)) funnel += 1;
          }
        }
      }
      const at = row + 1 + px * 4;
      const white = square ? funnel / square : 0;
      for (let c = 0; c < 3; c += 1) rows[at + c] = Math.round(BLUE[c] + (WHITE[c] - BLUE[c]) * white);
      rows[at + 3] = Math.round((255 * square) / (SAMPLES * SAMPLES));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
