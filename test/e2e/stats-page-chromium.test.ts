import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { runEngram } from '../helpers/run-engram.js';
import { fillStatsStore } from '../stats/stats-store-fixture.js';

// `engram export --what stats --format html` opened as a person would, in a
// real browser: Debian's chromium (CI installs it in .ci/run), driven through
// playwright-core, which downloads no browser of its own. The page must load
// with no error and no request for anything, and show the figures that
// `engram stats --json` prints for the same store and clock (ENGRAM_NOW).

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let root: string;
let browser: Browser;
let pageUrl: string;
let report: unknown;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`headless Chromium is needed at ${CHROMIUM} to check the HTML stats page: install Debian's chromium package (apt-get install chromium), as .ci/run does.`);
  }
  // Kept for the whole file (tempDir's folders go after each test).
  root = mkdtempSync(join(tmpdir(), 'engram-page-'));
  const home = join(root, 'home');
  mkdirSync(home);
  const db = join(root, 'engram.db');
  const store = openStore(db, { create: true });
  fillStatsStore(store);
  store.close();
  const stats = runEngram(['stats', '--json', '--db', db], { cwd: root, home });
  expect(stats.stderr).toBe('');
  report = JSON.parse(stats.stdout);
  const exported = runEngram(['export', '--what', 'stats', '--format', 'html', '-o', 'progress.html', '--db', db], { cwd: root, home });
  expect(exported.stderr).toBe('wrote stats to progress.html\n');
  expect(exported.status).toBe(0);
  expect(readFileSync(join(root, 'progress.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  pageUrl = pathToFileURL(join(root, 'progress.html')).href;
  // A fresh profile each run; playwright makes and removes it under the temp folder.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, timeout: 20_000 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The value at a dotted path of the report (`forecast.days.3.due`). */
function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], value);
}

/** WCAG relative luminance of a CSS `rgb(r, g, b)` colour. */
function luminance(css: string): number {
  const [r, g, b] = css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((n) => {
    const c = Number(n) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Marks whose colour carries meaning: bars of each kind, the retention line. */
const MARKS: [selector: string, property: string][] = [
  ['rect.s-new', 'fill'],
  ['rect.s-learning', 'fill'],
  ['rect.s-review', 'fill'],
  ['rect.s-relearning', 'fill'],
  ['rect.s-due', 'fill'],
  ['rect.s-overdue', 'fill'],
  ['rect.s-time', 'fill'],
  ['path.trend', 'stroke'],
  ['.swatch.s-suspended', 'background-color'],
  ['.swatch.s-buried', 'background-color'],
  ['.swatch.s-archived', 'background-color'],
];

describe.each(['light', 'dark'] as const)('the stats page in headless Chromium, %s', (scheme) => {
  it('loads with no error and no request, every chart drawn, the text and marks readable', async () => {
    const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1000, height: 800 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
    page.on('request', (r) => {
      if (r.url() !== pageUrl) problems.push(`request: ${r.url()}`);
    });
    await page.goto(pageUrl, { waitUntil: 'load' });
    expect(await page.title()).toBe('engram progress, 2026-03-02');

    const charts = await page.$$eval('svg', (svgs) => svgs.map((s) => [s.getAttribute('aria-label'), s.getBoundingClientRect().width, s.getBoundingClientRect().height] as const));
    expect(charts).toHaveLength(6);
    for (const [label, width, height] of charts) {
      expect(label).toBeTruthy();
      expect(width).toBeGreaterThan(300);
      expect(height).toBeGreaterThan(20);
    }

    const colours = await page.evaluate((marks) => {
      const style = (selector: string, property: string) => {
        const el = document.querySelector(selector);
        return el ? getComputedStyle(el).getPropertyValue(property) : `missing ${selector}`;
      };
      return {
        background: style('body', 'background-color'),
        text: style('body', 'color'),
        muted: style('.note', 'color'),
        marks: marks.map(([selector, property]) => [selector, style(selector, property)] as const),
      };
    }, MARKS);
    const light = luminance(colours.background) > 0.8;
    expect(light).toBe(scheme === 'light');
    expect(contrast(colours.text, colours.background)).toBeGreaterThanOrEqual(7);
    expect(contrast(colours.muted, colours.background)).toBeGreaterThanOrEqual(4.5);
    for (const [selector, colour] of colours.marks) expect(contrast(colour, colours.background), `${selector} ${colour}`).toBeGreaterThanOrEqual(3);

    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the numbers engram stats --json prints for the same store and clock', async () => {
    const page = await browser.newPage({ colorScheme: scheme });
    await page.goto(pageUrl, { waitUntil: 'load' });
    const figures = await page.$$eval('[data-figure]', (els) =>
      els.map((e) => ({ path: e.getAttribute('data-figure')!, value: e.getAttribute('value') ?? e.getAttribute('datetime')!, text: e.textContent!, tag: e.tagName })),
    );
    expect(figures.length).toBeGreaterThan(400);
    for (const f of figures) {
      const expected = at(report, f.path);
      if (f.tag === 'TIME') expect(f.value, f.path).toBe(expected);
      else expect(f.value === '' ? null : Number(f.value), f.path).toBe(expected);
    }
    // What a reader sees, section by section, against the JSON.
    const r = report as { today: { reviews: number }; forecast: { next30: number; days: { due: number }[] }; cards: { total: number }; deckTable: { name: string }[] };
    const text = await page.locator('main').innerText();
    expect(text).toContain(`Today\n${r.today.reviews} reviews`);
    expect(text).toContain(`${r.forecast.next30} cards in the next 30 days`);
    expect(text).toContain(`${r.cards.total} cards in all`);
    const deckNames = await page.$$eval('#deck-table tbody th', (ths) => ths.map((t) => t.textContent));
    expect(deckNames).toEqual(r.deckTable.map((d) => d.name));
    // The tables behind the charts open on a click, as a sighted reader would open them.
    await page.locator('#forecast details summary').click();
    expect(await page.locator('#forecast-table').isVisible()).toBe(true);
    const rows = await page.$$eval('#forecast-table tbody tr', (trs) => trs.map((tr) => tr.querySelector('td')!.textContent));
    expect(rows.map(Number)).toEqual(r.forecast.days.map((d) => d.due));
    await page.close();
  });
});
