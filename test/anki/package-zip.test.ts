import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isPlainEntryName, openPackageEntries, packPackage, unpackPackage } from '../../src/anki/package-zip.js';
import { thrownError } from '../helpers/engram-errors.js';

const small = { totalBytes: 4 * 1024 * 1024, ratio: 100, packageRatio: 100, entries: 5 };

describe('unpackPackage', () => {
  it('unpacks the entries of a zip by name', () => {
    const zip = packPackage([
      ['collection.anki21', new TextEncoder().encode('sqlite'), true],
      ['media', new TextEncoder().encode('{}'), false],
    ]);
    const entries = unpackPackage(zip, 'deck.apkg');
    expect([...entries.keys()]).toEqual(['collection.anki21', 'media']);
    expect(new TextDecoder().decode(entries.get('collection.anki21'))).toBe('sqlite');
  });

  it('refuses a zip bomb by the ratio its entry declares, before unpacking it', () => {
    const zeros = new Uint8Array(3 * 1024 * 1024);
    const err = thrownError(() => unpackPackage(zipSync({ 'collection.anki21': zeros }), 'bomb.apkg', small));
    expect(err.kind).toBe('failed');
    expect(err.message).toMatch(/^bomb\.apkg was not imported: its entry "collection\.anki21" unpacks \d+ times larger than it is packed \(a zip bomb\)\. Nothing was written\./);
  });

  it('refuses a package that unpacks past the total allowed', () => {
    const random = Uint8Array.from({ length: 3 * 1024 * 1024 }, (_v, i) => (i * 2654435761) >>> 24);
    const zip = zipSync({ a: random, b: random });
    expect(thrownError(() => unpackPackage(zip, 'big.apkg', small)).message).toBe(
      'big.apkg was not imported: it unpacks to more than 4 MiB. Nothing was written. Import only packages from a source you trust.',
    );
  });

  it('refuses a zip bomb by its total: many entries too small to be refused one by one, together far larger than the package', () => {
    const mib = new Uint8Array(1024 * 1024);
    const zip = zipSync(Object.fromEntries(Array.from({ length: 80 }, (_v, i) => [String(i), mib])));
    const err = thrownError(() => openPackageEntries(zip, 'bomb.apkg'));
    expect(err.message).toMatch(/^bomb\.apkg was not imported: its entries unpack to 80 MiB, \d+ times larger than the package \(a zip bomb\)\. Nothing was written\./);
  });

  it('unpacks only the entries asked for, within the in-memory limit over every call', () => {
    const random = Uint8Array.from({ length: 3 * 1024 * 1024 }, (_v, i) => (i * 2654435761) >>> 24);
    const zip = openPackageEntries(zipSync({ a: random, b: random, c: new Uint8Array([1]) }), 'big.apkg', small);
    expect([...zip.names]).toEqual(['a', 'b', 'c']);
    expect([...zip.unpack(['a', 'missing']).keys()]).toEqual(['a']);
    expect(thrownError(() => zip.unpack(['b'])).message).toBe(
      'big.apkg was not imported: it unpacks to more than 4 MiB. Nothing was written. Import only packages from a source you trust.',
    );
    expect([...zip.unpack(['c']).values()]).toEqual([new Uint8Array([1])]);
  });

  it('unpacks an entry that lies about its size no larger than it declared', () => {
    const zip = Buffer.from(zipSync({ c: new Uint8Array(50_000).fill(7) }));
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(1000, central + 24); // the uncompressed size, central directory
    zip.writeUInt32LE(1000, 22); // and local header
    expect(unpackPackage(zip, 'liar.apkg').get('c')!.length).toBe(1000);
  });

  it.each([['../evil.sh'], ['/etc/passwd'], ['media/../../x'], ['C:evil'], ['a\\b']])('refuses an entry named %s', (name) => {
    const err = thrownError(() => unpackPackage(zipSync({ [name]: new Uint8Array([1]) }), 'evil.apkg'));
    expect(err.message).toBe(`evil.apkg was not imported: its entry "${name}" names a path outside the package. Nothing was written. Import only packages from a source you trust.`);
  });

  it('refuses a package of more entries than allowed', () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_v, i) => [String(i), new Uint8Array([i])]));
    expect(thrownError(() => unpackPackage(zipSync(files), 'many.apkg', small)).message).toMatch(/^many\.apkg was not imported: it has more than 5 entries\./);
  });

  it('says a truncated zip or a file that is no zip is not a readable package', () => {
    const zip = zipSync({ 'collection.anki21': new Uint8Array(1000).fill(3) });
    for (const bytes of [zip.subarray(0, zip.length - 30), new TextEncoder().encode('just some text, not a zip')]) {
      const err = thrownError(() => unpackPackage(bytes, 'x.apkg'));
      expect(err.kind).toBe('failed');
      expect(err.message).toBe(
        'x.apkg is not a readable Anki package: it is not a zip file, or it is cut short. Export it again from Anki (File > Export) and import the new file.',
      );
    }
  });
});

describe('isPlainEntryName', () => {
  it('takes the names Anki writes and nothing with a folder', () => {
    expect(['collection.anki21b', 'media', 'meta', '0', '12'].map(isPlainEntryName)).toEqual([true, true, true, true, true]);
    expect(['', '.', '..', 'a/b', 'a\\b', 'c:x'].map(isPlainEntryName)).toEqual([false, false, false, false, false, false]);
  });
});
