/**
 * The deck a path names when the file names none: the path without the
 * extension of its file name, folders kept as '/'-separated parts
 * ('spanish/vocab.md' is 'spanish/vocab', 'vocab.md' is 'vocab').
 * A file of its own, apart from deck-name.ts: an import that finds every file
 * unchanged needs this alone, and deck-name.ts brings in the line scanner.
 */
export function pathDeckName(fileName: string): string {
  const parts = fileName.split(/[\\/]/).filter((p) => p !== '' && p !== '.');
  const base = parts.pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return [...parts, dot > 0 ? base.slice(0, dot) : base].join('/');
}
