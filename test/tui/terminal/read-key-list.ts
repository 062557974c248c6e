import { expect } from 'vitest';

/** What a screen test drives: its frame's plain lines and a key press. */
export interface KeyListScreen {
  lines(): string[];
  press(key: string): Promise<void>;
  waitForText(text: string): Promise<void>;
}

/**
 * Reads the open key list (`?`) to its end the way a user does, `j` by `j`,
 * checking every frame on the way against a terminal of `size`: no line wider
 * than the columns drawn (one spare), no more lines than the rows drawn, the
 * title saying how much is above and the foot how much is below.
 * @returns the list's lines in order, as seen, and the frames (plain lines)
 */
export async function readKeyList(s: KeyListScreen, size: { columns: number; rows: number }): Promise<{ lines: string[]; frames: string[][] }> {
  const frames: string[][] = [];
  const seen: string[] = [];
  for (let step = 0; step < 200; step++) {
    const frame = s.lines();
    frames.push(frame);
    expect(frame.length, frame.join('\n')).toBeLessThanOrEqual(size.rows - 1);
    for (const line of frame) expect([...line].length, `"${line}" at ${size.columns} columns`).toBeLessThanOrEqual(size.columns - 1);
    const title = frame.findIndex((l) => l.startsWith('Keys'));
    const foot = frame.findIndex((l, i) => i > title && (l.startsWith('↓ ') || l === '?/esc closes this list'));
    expect(title, frame.join('\n')).toBeGreaterThan(0);
    expect(foot, frame.join('\n')).toBeGreaterThan(title);
    const shown = frame.slice(title + 1, foot);
    // Scrolled by one line since the last frame: one new line at the bottom.
    if (step === 0) seen.push(...shown);
    else seen.push(shown[shown.length - 1]!);
    expect(frame[title], 'the title says what is above').toBe(step === 0 ? 'Keys' : `Keys · ↑ ${step} more (k, pgup)`);
    const below = /^↓ (\d+) more/.exec(frame[foot]!);
    if (!below) return { lines: seen, frames };
    await s.press('j');
    await s.waitForText(`↑ ${step + 1} more`);
  }
  throw new Error('the key list never came to an end');
}
