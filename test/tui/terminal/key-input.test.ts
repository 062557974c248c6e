import { describe, expect, it } from 'vitest';
import type { Intent, KeyMode } from '../../../src/tui/key-table.js';
import { createKeyInput, viewKey, type ViewAction } from '../../../src/tui/terminal/key-input.js';

const VIEW = { bodyHeight: 10, maxScroll: 30 };

/** A screen whose modes the test sets; a perform of typing-enter leaves the answer box. */
function screen(start: KeyMode[] | null, helpOpen = false) {
  let modes = start;
  const done: string[] = [];
  const input = createKeyInput<typeof VIEW>({
    modes: () => modes,
    typingMode: 'typing',
    helpOpen: () => helpOpen,
    perform(intent: Intent, view, key) {
      expect(view).toBe(VIEW);
      done.push(`${intent.kind}:${key}`);
      if (intent.kind === 'typing-enter') modes = ['answer'];
    },
    type: (text) => done.push(`type:${text}`),
  });
  return { input, done };
}

describe('createKeyInput', () => {
  it('acts on the first mode that binds a key; ctrl-c quits where nothing else takes it', () => {
    const s = screen(['running', 'question']);
    s.input.onKey('escape', VIEW);
    s.input.onKey('r', VIEW);
    s.input.onKey('z', VIEW);
    expect(s.done).toEqual(['stop-run:escape', 'run:r']);
    const q = screen(['question']);
    q.input.onKey('ctrl-c', VIEW);
    expect(q.done).toEqual(['quit:ctrl-c']);
  });

  it('with the key list open only its keys act (scroll it, close it, quit), whatever the screen was doing; a screen with no modes takes no keys', () => {
    const s = screen(['question'], true);
    for (const key of ['3', 'r', 'j', 'down', 'k', 'up', 'pagedown', 'space', 'pageup', '?', 'escape', 'q', 'ctrl-c']) s.input.onKey(key, VIEW);
    expect(s.done).toEqual(['scroll:j', 'scroll:down', 'scroll:k', 'scroll:up', 'scroll:pagedown', 'scroll:space', 'scroll:pageup', 'help:?', 'help:escape', 'quit:q', 'quit:ctrl-c']);
    // Typing into the answer box: j and k scroll the list rather than go into the box.
    const typing = screen(['typing'], true);
    typing.input.onInput('j', {}, VIEW);
    typing.input.onInput('', { downArrow: true }, VIEW);
    expect(typing.done).toEqual(['scroll:j', 'scroll:down']);
    const closed = screen(null);
    closed.input.onKey('q', VIEW);
    closed.input.onInput('q', {}, VIEW);
    expect(closed.done).toEqual([]);
  });

  it('types a read into the answer box with the control keys in it acting in turn; text after leaving the box is dropped', () => {
    const s = screen(['typing']);
    s.input.onInput('ab\x7fc\tz\rcd', {}, VIEW);
    expect(s.done).toEqual(['type:ab', 'erase:backspace', 'type:c    z', 'typing-enter:enter']);
  });

  it('outside the answer box, and for a special key in it, each key of a read acts on its own', () => {
    const s = screen(['answer']);
    s.input.onInput(' 3', {}, VIEW);
    expect(s.done).toEqual(['accept:space', 'grade:3']);
    const t = screen(['typing']);
    t.input.onInput('', { return: true }, VIEW);
    t.input.onInput('', { backspace: true }, VIEW);
    expect(t.done).toEqual(['typing-enter:enter']);
  });
});

describe('viewKey', () => {
  it('scrolls by lines and by pages of one line less than the body, and toggles the key list', () => {
    const told: ViewAction[] = [];
    const act = (intent: Intent, view = VIEW) => viewKey(intent, view, (a) => told.push(a));
    expect(act({ kind: 'scroll', by: -1 })).toBe(true);
    expect(act({ kind: 'scroll', by: 'page-down' })).toBe(true);
    expect(act({ kind: 'scroll', by: 'page-up' }, { bodyHeight: 1, maxScroll: 3 })).toBe(true);
    expect(act({ kind: 'help' })).toBe(true);
    expect(act({ kind: 'quit' })).toBe(false);
    expect(told).toEqual([
      { type: 'scroll', by: -1, max: 30 },
      { type: 'scroll', by: 9, max: 30 },
      { type: 'scroll', by: -1, max: 3 },
      { type: 'help' },
    ]);
  });
});
