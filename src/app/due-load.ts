import type { DueLoad } from '../schedule/load-balance.js';
import { studyDayStart, type StudyClock } from '../schedule/study-time.js';
import { dueCountsBetween } from '../store/due-load-queries.js';
import type { Store } from '../store/open-store.js';

/**
 * The load balancer's view of the store: the cards due on each study day, as
 * the store holds them at the moment of the call (so an answer counts the
 * cards answered before it in the same session).
 */
export function storeDueLoad(store: Store, clock: StudyClock): DueLoad {
  return (first, last) => {
    const starts: number[] = [];
    for (let day = first; day <= last + 1; day++) starts.push(studyDayStart(day, clock));
    return dueCountsBetween(store, starts);
  };
}
