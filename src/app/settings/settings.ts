import { EngramError } from '../../model/engram-error.js';
import { DEFAULT_MODEL, FSRS_6, MEMORY_MODELS, memoryModel, unknownModel } from '../../model/memory-model.js';
import { WEEKDAY_NAMES } from '../../schedule/easy-days.js';

/** Every setting `engram config` knows, with its value type. */
export interface Settings {
  retention: number;
  'maximum-interval': number;
  'learning-steps': string[];
  'relearning-steps': string[];
  fuzz: boolean;
  'new-per-day': number;
  'reviews-per-day': number;
  'rollover-hour': number;
  /** IANA zone, or '' for the system's. */
  'time-zone': string;
  /** Quizzes ask the user to type answers instead of choosing among options. */
  'typed-answers': boolean;
  /** The memory model that schedules (its name, as MEMORY_MODELS has it). */
  model: string;
  /** FSRS-6 parameters (21 numbers, as `engram optimize` fits them); empty for the defaults. */
  weights: number[];
  /**
   * A card repeated from another file (studied once, from there): `warn` says
   * so at every import that reads the file; `allow` takes the repeat as meant.
   */
  duplicates: 'warn' | 'allow';
  /** engram review syncs at its start and end, engram import after it (once engram sync init set a folder up). */
  sync: boolean;
  /** Place each fuzzed interval on the day of its fuzz range that evens out the daily reviews. */
  'load-balance': boolean;
  /** Per weekday, Sunday first, the share (0-1) of the normal review load; empty for a normal week. */
  'easy-days': number[];
  /**
   * Which build of the FSRS optimizer `engram optimize` runs: `auto` the
   * native one where installed, else WebAssembly; `native` or `wasm` insist.
   */
  optimizer: 'auto' | 'native' | 'wasm';
}

/** Settings a deck may override; their values keep the global setting's type. */
export type DeckSettingName = 'new-per-day' | 'reviews-per-day' | 'typed-answers' | 'model' | 'weights' | 'duplicates';
export const DECK_SETTINGS: readonly DeckSettingName[] = ['new-per-day', 'reviews-per-day', 'typed-answers', 'model', 'weights', 'duplicates'];

/** Whether `name` is a setting a deck may override. */
export function isDeckSettingName(name: string): name is DeckSettingName {
  return (DECK_SETTINGS as readonly string[]).includes(name);
}

interface SettingSpec<K extends keyof Settings> {
  default: Settings[K];
  help: string;
  parse(text: string): Settings[K];
  show(value: Settings[K]): string;
}

/** Whole numbers only: ts-fsrs reads steps as integers and would drop the fraction silently. */
const STEP_RE = /^[1-9]\d*[mhd]$/;

function number(min: number, max: number, integer: boolean): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      throw new EngramError('usage', `"${text}" is not ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`);
    }
    return n;
  };
}

function steps(text: string): string[] {
  const list = text.split(/[\s,]+/).filter((s) => s !== '');
  const bad = list.find((s) => !STEP_RE.test(s));
  if (bad) throw new EngramError('usage', `"${bad}" is not a step; write whole numbers like "1m 10m 1h" (m minutes, h hours, d days).`);
  return list;
}

/** FSRS-6 has 21 parameters. */
export const WEIGHT_COUNT = FSRS_6.parameterCount;

/** A model engram knows, by its name in any case; an unknown one is refused, naming those it knows. */
function model(text: string): string {
  const found = memoryModel(text);
  if (!found) throw new EngramError('usage', unknownModel(text.trim()).replace(/\.$/, ', or choose one it knows.'));
  return found.name;
}

function weights(text: string): number[] {
  if (/^\s*(default|)\s*$/i.test(text)) return [];
  const list = text.split(/[\s,]+/).filter((s) => s !== '').map(Number);
  if (list.length !== WEIGHT_COUNT || list.some((n) => !Number.isFinite(n))) {
    throw new EngramError('usage', `weights must be ${WEIGHT_COUNT} numbers (FSRS-6), or "default"; got ${list.length} value(s). engram optimize fits them to your reviews.`);
  }
  return list;
}

/**
 * Easy days as `sun=0,sat=0.5` (weekdays not named keep a full load), or seven
 * shares Sunday first (as the settings file stores them), or "none".
 */
function easyDays(text: string): number[] {
  if (/^\s*(none|off|)\s*$/i.test(text)) return [];
  const parts = text.split(/[\s,]+/).filter((s) => s !== '');
  const share = (value: string): number => {
    const n = Number(value);
    if (value === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new EngramError('usage', `"${value}" is not a share from 0 to 1 (0: no reviews that day, 0.5: half the normal load).`);
    return n;
  };
  let out: number[];
  if (parts.every((p) => !p.includes('='))) {
    if (parts.length !== 7) throw new EngramError('usage', `easy-days takes weekday=share pairs like "sun=0,sat=0.5", or seven shares Sunday first; got "${text}".`);
    out = parts.map(share);
  } else {
    out = [1, 1, 1, 1, 1, 1, 1];
    for (const p of parts) {
      const [name = '', value = ''] = p.split('=');
      const day = WEEKDAY_NAMES.indexOf(name.toLowerCase().slice(0, 3) as (typeof WEEKDAY_NAMES)[number]);
      if (day < 0 || !p.includes('=')) throw new EngramError('usage', `"${p}" is not a weekday=share pair; write like "sun=0,sat=0.5" (weekdays: ${WEEKDAY_NAMES.join(' ')}).`);
      out[day] = share(value);
    }
  }
  // A normal week is no easy days at all: stored as nothing.
  return out.every((s) => s === 1) ? [] : out;
}

/** Easy days as `engram config` shows them: the weekdays below a full load. */
function showEasyDays(days: number[]): string {
  const parts = days.flatMap((share, i) => (share < 1 ? [`${WEEKDAY_NAMES[i]}=${share}`] : []));
  return parts.length === 0 ? 'none' : parts.join(',');
}

function bool(text: string): boolean {
  if (/^(on|true|yes|1)$/i.test(text)) return true;
  if (/^(off|false|no|0)$/i.test(text)) return false;
  throw new EngramError('usage', `"${text}" is not on or off.`);
}

function duplicates(text: string): 'warn' | 'allow' {
  if (/^(warn|allow)$/i.test(text)) return text.toLowerCase() as 'warn' | 'allow';
  throw new EngramError('usage', `"${text}" is not warn or allow.`);
}

function optimizer(text: string): 'auto' | 'native' | 'wasm' {
  if (/^(auto|native|wasm)$/i.test(text)) return text.toLowerCase() as 'auto' | 'native' | 'wasm';
  throw new EngramError('usage', `"${text}" is not auto, native or wasm.`);
}

function zone(text: string): string {
  if (text === '' || text === 'system') return '';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: text });
  } catch {
    throw new EngramError('usage', `"${text}" is not a time zone; use an IANA name like Europe/Paris, or "system".`);
  }
  return text;
}

/** The one table of settings: defaults, parsing of `engram config set` values, and help. */
export const SETTINGS: { [K in keyof Settings]: SettingSpec<K> } = {
  retention: { default: 0.9, help: 'desired retention: the chance to recall a card when it is due (0.7-0.99)', parse: number(0.7, 0.99, false), show: String },
  'maximum-interval': { default: 36500, help: 'longest interval between reviews, in days', parse: number(1, 36500, true), show: String },
  'learning-steps': { default: ['1m', '10m'], help: 'learning steps of new cards', parse: steps, show: (v) => v.join(' ') },
  'relearning-steps': { default: ['10m'], help: 'relearning steps of forgotten cards', parse: steps, show: (v) => v.join(' ') },
  fuzz: { default: true, help: 'spread intervals a little so cards learned together do not stay together', parse: bool, show: (v) => (v ? 'on' : 'off') },
  'new-per-day': { default: 20, help: 'new cards per day (also per deck)', parse: number(0, 100000, true), show: String },
  'reviews-per-day': { default: 200, help: 'reviews per day (also per deck)', parse: number(0, 1000000, true), show: String },
  'rollover-hour': { default: 4, help: 'hour (local time) at which a new study day starts', parse: number(0, 23, true), show: String },
  'time-zone': { default: '', help: 'time zone for study days (empty: the system\'s)', parse: zone, show: (v) => v || 'system' },
  'typed-answers': { default: false, help: "ask for typed answers in a deck's cards (also per deck)", parse: bool, show: (v) => (v ? 'on' : 'off') },
  model: {
    default: DEFAULT_MODEL.name,
    help: `memory model that schedules (also per deck): ${MEMORY_MODELS.map((m) => m.name).join(', ')}; each keeps its own parameters`,
    parse: model,
    show: String,
  },
  weights: { default: [], help: 'FSRS-6 parameters, 21 numbers (also per deck); set by engram optimize', parse: weights, show: (v) => (v.length === 0 ? 'default' : v.join(' ')) },
  duplicates: { default: 'warn', help: 'a card repeated from another file: warn at import, or allow it (also per deck)', parse: duplicates, show: String },
  sync: { default: false, help: 'engram review syncs at its start and end, engram import after it (see engram sync init)', parse: bool, show: (v) => (v ? 'on' : 'off') },
  'load-balance': { default: true, help: 'place each fuzzed interval on the day of its fuzz range with the fewest reviews due, to even out the daily load', parse: bool, show: (v) => (v ? 'on' : 'off') },
  'easy-days': {
    default: [],
    help: 'weekdays with less study, as shares of the normal load, e.g. "sun=0,sat=0.5" (or "none")',
    parse: easyDays,
    show: showEasyDays,
  },
  optimizer: { default: 'auto', help: 'FSRS optimizer build for engram optimize: auto (native where installed, else WebAssembly), native, or wasm', parse: optimizer, show: String },
};

/** The defaults of every setting. */
export function defaultSettings(): Settings {
  const out = {} as Record<string, unknown>;
  for (const [name, spec] of Object.entries(SETTINGS)) out[name] = structuredClone(spec.default);
  return out as unknown as Settings;
}

/** Whether `name` is a setting. */
export function isSettingName(name: string): name is keyof Settings {
  return Object.hasOwn(SETTINGS, name);
}
