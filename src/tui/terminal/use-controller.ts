import { useEffect, useReducer, useRef } from 'react';

/**
 * A screen's controller, made once by `make` (handed what redraws the screen,
 * to call on every change of its state) and disposed of when the screen goes.
 * @returns the same controller on every render
 */
export function useController<C extends { dispose(): void }>(make: (redraw: () => void) => C): C {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const made = useRef<C | null>(null);
  made.current ??= make(redraw);
  const controller = made.current;
  useEffect(() => () => controller.dispose(), [controller]);
  return controller;
}
