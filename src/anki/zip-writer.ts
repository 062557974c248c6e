import * as zlib from 'node:zlib';

/** One entry of a zip to write: its name, its bytes, and whether to deflate them (media already compressed is stored). */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
  deflate: boolean;
}

/** The most a zip without its 64-bit extension holds: entries, and bytes of an entry or of the whole. */
const MAX_ENTRIES = 0xffff;
const MAX_BYTES = 0xffffffff;

/**
 * A zip of the given entries, in the given order, deflated at level 1 by
 * Node's own zlib (a collection of a million reviews in a third of the time
 * a deflate written in JavaScript takes). Names are UTF-8 (flagged so);
 * every entry is dated 1980-01-01, so the same entries make the same bytes.
 * @throws Error when the entries need the zip's 64-bit extension (over
 *   65,535 entries or 4 GiB), which no package engram writes comes near
 */
export function zipEntries(entries: readonly ZipEntry[]): Uint8Array {
  if (entries.length > MAX_ENTRIES) throw new Error(`a zip of ${entries.length} entries needs zip64`);
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = e.deflate ? zlib.deflateRawSync(e.data, { level: 1 }) : e.data;
    if (e.data.length > MAX_BYTES || offset + packed.length > MAX_BYTES) throw new Error(`the zip entry ${e.name} needs zip64`);
    const fields = { method: e.deflate ? 8 : 0, crc: crc32(e.data), packed: packed.length, size: e.data.length, name };
    const local = header(0x04034b50, fields, null);
    parts.push(local, packed);
    central.push(header(0x02014b50, fields, offset));
    offset += local.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** Bit 11 of the flags: the name is UTF-8. */
const UTF8_NAME = 0x0800;
/** MS-DOS date of 1980-01-01 (the earliest a zip can say), time 00:00. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A local header (`at` null) or a central directory header (`at`: where its local header is). */
function header(signature: number, f: { method: number; crc: number; packed: number; size: number; name: Buffer }, at: number | null): Buffer {
  const central = at !== null;
  const b = Buffer.alloc((central ? 46 : 30) + f.name.length);
  let p = 0;
  const u16 = (v: number) => (p = b.writeUInt16LE(v, p));
  const u32 = (v: number) => (p = b.writeUInt32LE(v >>> 0, p));
  u32(signature);
  if (central) u16(20); // made by: zip 2.0
  u16(20); // needed to extract: 2.0 (deflate)
  u16(UTF8_NAME);
  u16(f.method);
  u16(0); // time
  u16(DOS_DATE);
  u32(f.crc);
  u32(f.packed);
  u32(f.size);
  u16(f.name.length);
  u16(0); // extra field
  if (central) {
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(at);
  }
  f.name.copy(b, p);
  return b;
}

/** CRC-32 of the bytes: Node's own where it has it (20.15 and later), else tableCrc32. */
export function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  return native ? native(data) : tableCrc32(data);
}

let table: Uint32Array | null = null;

/** CRC-32 (the zip's, IEEE 802.3) of the bytes, a byte at a time through a table. */
export function tableCrc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
