/** The rollover hour (0-23, local) and the IANA time zone study days are counted in (see schedule/study-time.ts). */
export interface StudyClock {
  rolloverHour: number;
  timeZone: string;
  /**
   * True when `timeZone` is this machine's own zone (no zone set): its offsets
   * are then read from Date's local time, the same zone data without Intl,
   * whose first DateTimeFormat costs a command's start-up tens of
   * milliseconds. Absent or false: offsets come from Intl for `timeZone`.
   */
  systemZone?: boolean;
}
