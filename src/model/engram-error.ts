/**
 * The one error type users see. The CLI catches it at the top and prints
 * `engram: <message>` and exits with `exitCode`; anything else is a bug.
 */
export class EngramError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'EngramError';
    this.exitCode = exitCode;
  }
}
