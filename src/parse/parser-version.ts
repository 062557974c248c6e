/**
 * Bump when parsing changes what cards a file gives, so unchanged files are read again.
 * A module of its own: a re-sync compares it with every source without loading the parser.
 */
export const PARSER_VERSION = 9;
