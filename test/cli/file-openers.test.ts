import { describe, expect, it } from 'vitest';
import { fileOpeners } from '../../src/cli/environment.js';

describe('the programs that open an image (o in a review)', () => {
  it('is open on macOS', () => {
    expect(fileOpeners('darwin')).toEqual([{ name: 'open', command: 'open', args: [] }]);
  });

  it("is cmd's start on Windows, with an empty window title before the quoted path", () => {
    expect(fileOpeners('win32')).toEqual([{ name: 'start', command: 'cmd', args: ['/d', '/s', '/c', 'start', '""'], verbatim: true }]);
  });

  it('is xdg-open on Linux and the BSDs, then gio open', () => {
    for (const platform of ['linux', 'freebsd', 'openbsd'] as const) {
      expect(fileOpeners(platform).map((o) => [o.command, ...o.args])).toEqual([['xdg-open'], ['gio', 'open']]);
    }
  });
});
