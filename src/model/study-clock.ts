/** The rollover hour (0-23, local) and the IANA time zone study days are counted in (see schedule/study-time.ts). */
export interface StudyClock {
  rolloverHour: number;
  timeZone: string;
}
