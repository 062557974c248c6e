/**
 * How a long job says how far it has come, for a progress line the CLI draws:
 * `update` as it goes, `finish` once that stretch of work is over (also when
 * it fails), so the line is gone before anything else is printed.
 */
export interface WorkProgress {
  update(done: number, total: number): void;
  finish(): void;
}
