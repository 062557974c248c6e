import { Option } from 'commander';

/** `--db <file>`, accepted by every command. */
export function dbOption(): Option {
  return new Option('--db <file>', 'store file (default: $ENGRAM_DB, else $XDG_DATA_HOME/engram/engram.db)');
}

/** `--json`, for scripts. */
export function jsonOption(): Option {
  return new Option('--json', 'print machine-readable JSON instead of text');
}
