import { describe, expect, it } from 'vitest';
import { isPortableMediaName, packageContents } from '../../src/anki/package-layout.js';
import { entriesInMemory } from '../../src/anki/package-zip.js';
import { protoMessage } from '../../src/anki/protobuf.js';
import { thrownError } from '../helpers/engram-errors.js';
import { zstdRaw } from '../helpers/anki-package.js';

const text = (s: string) => new TextEncoder().encode(s);
const entries = (e: Record<string, Uint8Array>) => entriesInMemory(new Map(Object.entries(e)));

/** MediaEntries { repeated MediaEntry entries = 1 } with MediaEntry { name = 1; size = 2 }. */
function mediaEntries(names: string[]): Uint8Array {
  return protoMessage(names.map((name) => ({ field: 1, value: protoMessage([{ field: 1, value: text(name) }, { field: 2, value: 3 }]) })));
}

describe('packageContents', () => {
  it('reads a legacy package: collection.anki21 over the stub, the JSON media map', () => {
    const c = packageContents(entries({ 'collection.anki2': text('stub'), 'collection.anki21': text('real'), media: text('{"0":"a b.jpg"}'), meta: Uint8Array.from([8, 2]), '0': text('jpg') }), 'p.apkg');
    expect(c.layout).toBe('anki21');
    expect(new TextDecoder().decode(c.collection)).toBe('real');
    expect(c.media).toEqual([{ name: 'a b.jpg', entry: '0' }]);
    expect(new TextDecoder().decode(c.mediaFiles(['0']).get('0'))).toBe('jpg');
  });

  it('reads the oldest layout without meta or media', () => {
    const c = packageContents(entries({ 'collection.anki2': text('old') }), 'p.apkg');
    expect(c.layout).toBe('anki2');
    expect(c.media).toEqual([]);
  });

  it('reads the latest layout: zstd collection, zstd protobuf media map, zstd media', () => {
    const c = packageContents(
      entries({ 'collection.anki21b': zstdRaw(text('sqlite bytes')), 'collection.anki2': text('stub'), media: zstdRaw(mediaEntries(['x.png', 'y.mp3'])), meta: Uint8Array.from([8, 3]), '1': zstdRaw(text('mp3')) }),
      'new.apkg',
    );
    expect(c.layout).toBe('anki21b');
    expect(new TextDecoder().decode(c.collection)).toBe('sqlite bytes');
    expect(c.media).toEqual([{ name: 'x.png', entry: '0' }, { name: 'y.mp3', entry: '1' }]);
    const files = c.mediaFiles(['0', '1']);
    expect([...files.keys()]).toEqual(['1']);
    expect(new TextDecoder().decode(files.get('1'))).toBe('mp3');
  });

  it('refuses a package of a newer version than engram knows', () => {
    const err = thrownError(() => packageContents(entries({ 'collection.anki21b': text('x'), meta: Uint8Array.from([8, 4]) }), 'future.apkg'));
    expect(err.message).toBe(
      'future.apkg was written by a newer Anki (package version 4; engram reads up to 3). In Anki, export it with "Support older Anki versions" ticked, then import that file.',
    );
  });

  it('refuses a collection layout it does not know, and a zip that holds no collection', () => {
    expect(thrownError(() => packageContents(entries({ 'collection.anki22': text('x') }), 'f.apkg')).message).toBe(
      'f.apkg holds collection.anki22, a collection layout engram does not know (a newer Anki?). Export it with "Support older Anki versions" ticked.',
    );
    expect(thrownError(() => packageContents(entries({ 'photo.jpg': text('x') }), 'photos.zip')).message).toBe(
      'photos.zip is not an Anki package: it holds no collection. Give a .apkg or .colpkg file that Anki exported.',
    );
  });

  it('refuses a media name that is a path (legacy and latest maps)', () => {
    const legacy = thrownError(() => packageContents(entries({ 'collection.anki21': text('x'), media: text('{"0":"../../.bashrc"}') }), 'evil.apkg'));
    expect(legacy.message).toBe(
      `evil.apkg was not imported: its media file "../../.bashrc" names a path outside the deck's media folder. Nothing was written. Import only packages from a source you trust.`,
    );
    const latest = thrownError(() => packageContents(entries({ 'collection.anki21b': zstdRaw(text('x')), media: zstdRaw(mediaEntries(['/etc/passwd'])), meta: Uint8Array.from([8, 3]) }), 'evil.apkg'));
    expect(latest.message).toMatch(/^evil\.apkg was not imported: its media file "\/etc\/passwd" names a path/);
  });

  it('says a damaged media map or zstd collection is damaged', () => {
    expect(thrownError(() => packageContents(entries({ 'collection.anki21': text('x'), media: text('{not json') }), 'd.apkg')).message).toBe(
      'd.apkg is damaged: its media map cannot be read. Export it again from Anki.',
    );
    const cut = zstdRaw(text('some collection bytes')).subarray(0, 12);
    expect(thrownError(() => packageContents(entries({ 'collection.anki21b': cut, meta: Uint8Array.from([8, 3]) }), 'd.apkg')).message).toMatch(
      /^d\.apkg's collection is damaged: its Zstandard data cannot be read/,
    );
  });
});

describe('isPortableMediaName', () => {
  it('takes names every OS can hold and refuses what Windows cannot', () => {
    expect(['a b.jpg', 'río.mp3', 'icon.png', 'CONSOLE.png', '.hidden.png'].map(isPortableMediaName)).toEqual([true, true, true, true, true]);
    expect(['what?.png', 'a*b.jpg', 'say "hi".mp3', '<x>.png', 'a|b.png', 'CON', 'con.png', 'Lpt1.mp3', 'nul', 'trailing.', 'trailing ', '../x.png'].map(isPortableMediaName)).toEqual(Array(12).fill(false));
  });
});
