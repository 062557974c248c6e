import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, tableCrc32, zipEntries } from '../../src/anki/zip-writer.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('zipEntries', () => {
  it('writes a zip that another reader unpacks byte for byte: deflated and stored entries, a UTF-8 name', () => {
    const big = Uint8Array.from({ length: 200_000 }, (_v, i) => (i * 2654435761) >>> 28);
    const zip = zipEntries([
      { name: 'collection.anki21', data: big, deflate: true },
      { name: 'média ñ.png', data: text('not really a png'), deflate: false },
      { name: 'empty', data: new Uint8Array(0), deflate: true },
    ]);
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(['collection.anki21', 'média ñ.png', 'empty']);
    expect(Buffer.from(back['collection.anki21']!).equals(Buffer.from(big))).toBe(true);
    expect(new TextDecoder().decode(back['média ñ.png'])).toBe('not really a png');
    expect(back.empty!.length).toBe(0);
    // Deflated: the repetitive collection shrinks; stored: the media's bytes are there as they are.
    expect(zip.length).toBeLessThan(big.length / 2);
    expect(Buffer.from(zip).includes(Buffer.from('not really a png'))).toBe(true);
  });

  it('writes the same bytes for the same entries: every entry dated 1980-01-01, 00:00', () => {
    const entries = [{ name: 'meta', data: text('x'), deflate: false }];
    const zip = Buffer.from(zipEntries(entries));
    expect(zip.equals(Buffer.from(zipEntries(entries)))).toBe(true);
    // Local header: signature, version 20, flags (UTF-8 names), method 0 (stored), time 0, date 1980-01-01.
    expect([zip.readUInt32LE(0), zip.readUInt16LE(4), zip.readUInt16LE(6), zip.readUInt16LE(8), zip.readUInt16LE(10), zip.readUInt16LE(12)]).toEqual([
      0x04034b50, 20, 0x0800, 0, 0, 0x21,
    ]);
  });
});

describe('crc32', () => {
  it('is the zip CRC-32, by Node and by the table alike', () => {
    expect(tableCrc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(tableCrc32(new Uint8Array(0))).toBe(0);
    const bytes = Uint8Array.from({ length: 10_000 }, (_v, i) => (i * 7919) & 0xff);
    expect(tableCrc32(bytes)).toBe(crc32(bytes));
  });
});
