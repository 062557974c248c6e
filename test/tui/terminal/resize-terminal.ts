/** A terminal size for a screen test: ink-testing-library's stdout is 100 columns wide and says no height (24 rows then). */
export interface TerminalSize {
  columns: number;
  rows: number;
}

/**
 * Gives ink-testing-library's stdout the size of a real terminal and tells
 * the screen it was resized, as a terminal does (Ink and useTerminalSize
 * both listen for it).
 */
export function resizeTerminal(stdout: NodeJS.EventEmitter, size: TerminalSize): void {
  Object.defineProperty(stdout, 'columns', { value: size.columns, configurable: true });
  Object.defineProperty(stdout, 'rows', { value: size.rows, configurable: true });
  stdout.emit('resize');
}
