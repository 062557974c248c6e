import { Option } from 'commander';
import { PARSE_MODES } from '../model/parse-mode.js';

/** `--db <file>`, accepted by every command. */
export function dbOption(): Option {
  return new Option('--db <file>', 'store file (default: $ENGRAM_DB, else $XDG_DATA_HOME/engram/engram.db)');
}

/** `--json`, for scripts. */
export function jsonOption(): Option {
  return new Option('--json', 'print machine-readable JSON instead of text');
}

/** `--mode auto|cards|notes`: which cards files give (import and check). */
export function modeOption(): Option {
  return new Option(
    '--mode <mode>',
    'auto: the cards written in a file, else cards derived from its notes; cards: written cards only; notes: derived cards only',
  ).choices(PARSE_MODES);
}
