/** `2026-03-02 10:00 UTC`: a time as the store keeps it (UTC), to the minute. */
export function minuteUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
