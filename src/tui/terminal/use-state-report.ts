import { useApp } from 'ink';
import { useEffect } from 'react';

/** Tells `onState` every state the screen draws, and ends the app once `over` (the caller has the last state then). */
export function useStateReport<S>(state: S, onState: (state: S) => void, over: boolean): void {
  const { exit } = useApp();
  useEffect(() => {
    onState(state);
    if (over) exit();
  }, [state, onState, over, exit]);
}
