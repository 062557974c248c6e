import { sharedFirstHeading } from '../store/cards.js';
import type { Store } from '../store/open-store.js';

/** The title heading of each source file, looked up once per file. */
export interface TitleHeadings {
  /** The heading every active card of the file at `path` sits under, or null (also for no file). */
  of(path: string | null): string | null;
  /** Looks the file up again next time: its cards changed (an edit re-imported it). */
  forget(path: string): void;
}

/**
 * The review and the quiz leave a file's title heading out of every card's
 * breadcrumb. Finding it reads all the file's cards, so it is done once per
 * file and session, not on every card shown.
 */
export function titleHeadings(store: Store): TitleHeadings {
  const known = new Map<string, string | null>();
  return {
    of(path) {
      if (path === null) return null;
      if (!known.has(path)) known.set(path, sharedFirstHeading(store, path));
      return known.get(path)!;
    },
    forget(path) {
      known.delete(path);
    },
  };
}
