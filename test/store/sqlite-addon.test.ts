import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { addonOptions, searchedAddon } from '../../src/store/sqlite-addon.js';

const require = createRequire(import.meta.url);
const INSTALLED = require.resolve('better-sqlite3/build/Release/better_sqlite3.node');

describe('the SQLite addon handed to better-sqlite3', () => {
  it('is the one npm builds in better-sqlite3\'s folder, by path', () => {
    expect(addonOptions()).toEqual({ nativeBinding: INSTALLED });
  });

  it('is found, when it is not there, as better-sqlite3 looks for it: with bindings, from better-sqlite3\'s own folder', () => {
    // The search that the bundle relies on when the addon is elsewhere: its own stack trace would name the bundle's folder.
    const options = searchedAddon(require);
    expect(options).toEqual({ nativeBinding: INSTALLED });
    const db = new Database(':memory:', options);
    expect(db.prepare('SELECT 6 * 7 AS n').get()).toEqual({ n: 42 });
    db.close();
  });

  it('is no option at all when neither finds it, so better-sqlite3 fails as it would on its own', () => {
    const nowhere = createRequire('/nonexistent/folder/x.js');
    expect(searchedAddon(nowhere)).toEqual({});
  });
});
