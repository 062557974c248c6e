import { describe, expect, it } from 'vitest';
import { Fence, maskLine, scanLines } from '../../src/parse/scan-lines.js';

const fences = (text: string) => scanLines(text.split('\n')).lines.map((l) => l.fence);

describe('scanLines fences', () => {
  it('marks opener, inside and closer of a backtick fence', () => {
    expect(fences('a\n```js\nx\n```\nb')).toEqual([Fence.None, Fence.Open, Fence.Inside, Fence.Close, Fence.None]);
  });

  it('closes a fence only with the same character and at least the same length', () => {
    expect(fences('````\n```\n~~~~\n````')).toEqual([Fence.Open, Fence.Inside, Fence.Inside, Fence.Close]);
    expect(fences('~~~\n```\n~~~~~')).toEqual([Fence.Open, Fence.Inside, Fence.Close]);
  });

  it('does not open a backtick fence whose info string holds a backtick', () => {
    expect(fences('```a`b```\ntext')).toEqual([Fence.None, Fence.None]);
  });

  it('reads a fence that never closes as text and reports it', () => {
    const { lines, unclosed } = scanLines('intro\n```js\ncode\n\nQ: still seen'.split('\n'));
    expect(lines.map((l) => l.fence)).toEqual([Fence.None, Fence.None, Fence.None, Fence.None, Fence.None]);
    expect(unclosed).toEqual([{ index: 1, marker: '```' }]);
  });

  it('lets a later fence close even after an unclosed longer one', () => {
    const { lines, unclosed } = scanLines('`````\n```\nx\n```'.split('\n'));
    expect(unclosed).toEqual([{ index: 0, marker: '`````' }]);
    expect(lines.map((l) => l.fence)).toEqual([Fence.None, Fence.Open, Fence.Inside, Fence.Close]);
  });

  it('counts blank lines outside fences only', () => {
    expect(scanLines('a\n\n```\n\n```'.split('\n')).lines.map((l) => l.blank)).toEqual([false, true, false, false, false]);
  });
});

describe('maskLine', () => {
  it('blanks inline code spans of matching backtick runs, keeping positions', () => {
    const state = { open: false };
    const masked = maskLine('a `b::c` d ``e`f`` g', state).masked;
    expect(masked).toBe(`a ${' '.repeat(6)} d ${' '.repeat(7)} g`);
  });

  it('leaves an unmatched backtick run as text', () => {
    expect(maskLine('a ``b` c', { open: false }).masked).toBe('a ``b` c');
  });

  it('blanks an HTML comment and records its range', () => {
    const r = maskLine('x <!-- Q: --> y', { open: false });
    expect(r.masked).toBe(`x ${' '.repeat(11)} y`);
    expect(r.comments).toEqual([2, 13]);
  });

  it('carries an open HTML comment to the next lines', () => {
    const state = { open: false };
    expect(maskLine('a <!-- b', state).masked).toBe(`a ${' '.repeat(6)}`);
    expect(state.open).toBe(true);
    expect(maskLine('Q: inside', state).masked).toBe(' '.repeat(9));
    expect(maskLine('end --> Q: out', state).masked).toBe(`${' '.repeat(8)}Q: out`);
    expect(state.open).toBe(false);
  });

  it('treats a comment opener inside a code span as code', () => {
    const state = { open: false };
    expect(maskLine('`<!--` after', state).masked).toBe(`${' '.repeat(6)} after`);
    expect(state.open).toBe(false);
  });
});
