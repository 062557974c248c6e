import { EventEmitter } from 'node:events';
import { Text, useApp } from 'ink';
import { useEffect } from 'react';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Ink draws frames as they come (with synchronized-update marks) only outside
// CI: with CI or CONTINUOUS_INTEGRATION set it writes the last frame alone, at
// the end. These tests are about the terminal a user has, so they run as
// outside CI wherever they run; the values are given back after.
const ciVariables = vi.hoisted(() => {
  const saved = { CI: process.env.CI, CONTINUOUS_INTEGRATION: process.env.CONTINUOUS_INTEGRATION };
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  return saved;
});
afterAll(() => {
  for (const [name, value] of Object.entries(ciVariables)) if (value !== undefined) process.env[name] = value;
});

import { fullScreen, type ProcessEnd } from '../../../src/tui/terminal/full-screen.js';

const ALT_ON = '\x1b[?1049h\x1b[H\x1b[2J';
const ALT_OFF = '\x1b[?1049l';

/** A terminal's input as Ink uses it, recording the raw mode it is put in. */
class FakeStdin extends EventEmitter {
  isTTY = true;
  rawModes: boolean[] = [];
  setRawMode(on: boolean): void {
    this.rawModes.push(on);
  }
  setEncoding(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
  read(): null {
    return null;
  }
}

/** A terminal's output, recording what is written. */
class FakeStdout extends EventEmitter {
  columns = 80;
  rows = 24;
  written: string[] = [];
  write(text: string): boolean {
    this.written.push(text);
    return true;
  }
}

/** A process end that records what the screen listens for and lets the test send a signal. */
function fakeProcessEnd() {
  const log: string[] = [];
  let signal: (() => void) | null = null;
  const end: ProcessEnd = {
    watch(onExit, onSignal) {
      log.push('watch');
      signal = onSignal;
      void onExit;
      return () => {
        log.push('unwatch');
        signal = null;
      };
    },
  };
  return { end, log, signal: () => signal?.() };
}

function terminal() {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout();
  return { stdin, stdout, streams: { stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream } };
}

/** An app that runs `then` once drawn, and closes when `then` says so. */
function App({ then }: { then: (exit: () => void) => void }) {
  const { exit } = useApp();
  useEffect(() => then(exit), [then, exit]);
  return <Text>card</Text>;
}

describe('fullScreen', () => {
  it('draws on the alternate screen and gives the normal one back when the app ends; the process end is watched meanwhile', async () => {
    const t = terminal();
    const p = fakeProcessEnd();
    const screen = fullScreen({ ...t.streams, processEnd: p.end });
    let watchedWhileShown: string[] = [];
    await screen.show(
      <App
        then={(exit) => {
          watchedWhileShown = [...p.log];
          exit();
        }}
      />,
    );
    expect(watchedWhileShown).toEqual(['watch']);
    expect(p.log).toEqual(['watch', 'unwatch']);
    expect(t.stdout.written[0]).toBe(ALT_ON);
    expect(t.stdout.written.join('')).toContain('card');
    expect(t.stdout.written.filter((w) => w === ALT_OFF)).toHaveLength(1);
    expect(t.stdout.written.lastIndexOf(ALT_OFF)).toBeGreaterThan(t.stdout.written.findIndex((w) => w.includes('card')));
  });

  it('on a signal, gives the normal screen and cooked mode back, then saves what it must; ending the process is the caller’s', async () => {
    const t = terminal();
    const p = fakeProcessEnd();
    const saved: string[] = [];
    const screen = fullScreen({
      ...t.streams,
      processEnd: p.end,
      beforeSignalExit: () => {
        saved.push(t.stdout.written.at(-1) === ALT_OFF && t.stdin.rawModes.at(-1) === false ? 'after the terminal was restored' : 'too early');
        throw new Error('the store is locked');
      },
    });
    await screen.show(
      <App
        then={(exit) => {
          p.signal();
          exit();
        }}
      />,
    );
    expect(saved).toEqual(['after the terminal was restored']);
    // Left once: the app's own end does not leave the alternate screen again.
    expect(t.stdout.written.filter((w) => w === ALT_OFF)).toHaveLength(1);
  });

  it('writes each frame to a terminal as one write, its synchronized-update marks included, before the normal screen comes back', async () => {
    const t = terminal();
    Object.assign(t.stdout, { isTTY: true });
    const screen = fullScreen(t.streams);
    await screen.show(<App then={(exit) => exit()} />);
    const frame = t.stdout.written.find((w) => w.includes('card'));
    expect(frame).toMatch(/^\x1b\[\?2026h.*card\n\x1b\[\?2026l/s);
    expect(t.stdout.written.filter((w) => w === '\x1b[?2026h')).toEqual([]);
    expect(t.stdout.written.at(-1)).toBe(ALT_OFF);
  });

  it('watches nothing without a process end', async () => {
    const t = terminal();
    const screen = fullScreen(t.streams);
    await screen.show(<App then={(exit) => exit()} />);
    expect(t.stdout.written.filter((w) => w === ALT_OFF)).toHaveLength(1);
  });

  it('suspends for an editor: the normal screen and cooked mode while it runs, then the alternate screen again', async () => {
    const t = terminal();
    const screen = fullScreen(t.streams);
    let during: { last: string | undefined; raw: boolean | undefined } | null = null;
    let got: number | null = null;
    await screen.show(
      <App
        then={(exit) => {
          got = screen.suspend(() => {
            during = { last: t.stdout.written.at(-1), raw: t.stdin.rawModes.at(-1) };
            return 42;
          });
          exit();
        }}
      />,
    );
    expect(got).toBe(42);
    expect(during).toEqual({ last: ALT_OFF, raw: false });
    expect(t.stdout.written.filter((w) => w === ALT_ON)).toHaveLength(2);
  });
});
