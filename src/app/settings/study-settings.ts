import type { QueueLimits } from '../../schedule/due-queue.js';
import type { ScheduleSettings } from '../../schedule/fsrs-scheduler.js';
import { SchedulerSet } from '../../schedule/scheduler-set.js';
import type { StudyClock } from '../../schedule/study-time.js';
import { effectiveSettings, readConfig, type ConfigFile } from './config-file.js';
import type { Settings } from './settings.js';

/** The user's settings as loaded for a command. */
export interface LoadedSettings {
  path: string;
  file: ConfigFile;
  settings: Settings;
}

/** Reads the settings file at `path` (the CLI's configPath: $XDG_CONFIG_HOME/engram/config.json). */
export function loadSettings(path: string): LoadedSettings {
  const file = readConfig(path);
  return { path, file, settings: effectiveSettings(file) };
}

/** The study clock: rollover hour and time zone (the system's unless set; UTC when the system's is unusable). */
export function studyClock(s: Settings): StudyClock {
  const set = s['time-zone'];
  if (set) return { rolloverHour: s['rollover-hour'], timeZone: set };
  // The zone's name is asked of Intl only when something reads it (stats show it,
  // a fingerprint holds it): a review's queue and answers need only its offsets.
  let name: string | undefined;
  return {
    rolloverHour: s['rollover-hour'],
    systemZone: true,
    get timeZone(): string {
      return (name ??= systemTimeZone());
    },
  };
}

function systemTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // A TZ that names no zone gives no name at all (and Date counts it as UTC).
  if (!zone) return 'UTC';
  try {
    // An empty or unknown TZ makes Node report "Etc/Unknown", which Intl then refuses.
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/** What the scheduler needs from the settings. */
export function scheduleSettings(s: Settings): ScheduleSettings {
  return {
    retention: s.retention,
    maximumInterval: s['maximum-interval'],
    learningSteps: s['learning-steps'],
    relearningSteps: s['relearning-steps'],
    fuzz: s.fuzz,
    weights: s.weights.length > 0 ? s.weights : null,
    clock: studyClock(s),
    loadBalance: s['load-balance'],
    easyDays: s['easy-days'].length === 7 ? s['easy-days'] : null,
  };
}

/** Daily limits, global and per deck. */
export function queueLimits({ file, settings }: LoadedSettings): QueueLimits {
  const decks: Record<string, { newPerDay?: number; reviewsPerDay?: number }> = {};
  for (const [deck, o] of Object.entries(file.decks)) {
    decks[deck] = {
      ...(o['new-per-day'] !== undefined ? { newPerDay: o['new-per-day'] } : {}),
      ...(o['reviews-per-day'] !== undefined ? { reviewsPerDay: o['reviews-per-day'] } : {}),
    };
  }
  return { global: { newPerDay: settings['new-per-day'], reviewsPerDay: settings['reviews-per-day'] }, decks };
}


/** The schedulers of every deck: global settings, with a deck's own FSRS parameters where it has them. */
export function schedulerSet(loaded: LoadedSettings): SchedulerSet {
  return new SchedulerSet(scheduleSettings(loaded.settings), (deck) => {
    const own = loaded.file.decks[deck]?.weights;
    return own && own.length > 0 ? own : null;
  });
}
