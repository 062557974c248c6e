import { useEffect, useState } from 'react';

/** The time from `clock`, refreshed every `everyMs` (for the elapsed time in the header). */
export function useNow(clock: () => number, everyMs = 1000): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), everyMs);
    return () => clearInterval(timer);
  }, [clock, everyMs]);
  return now;
}
