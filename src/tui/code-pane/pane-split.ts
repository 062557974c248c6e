/** The rows of a screen's body: the card's, and the pane's under it (its rule included; 0 without a pane). */
export interface PaneSplit {
  bodyHeight: number;
  paneHeight: number;
}

/**
 * How `areaHeight` rows are shared between a card of `cardLines` lines and the
 * pane under it of `paneLines`: the pane (a rule above it) takes what it
 * needs, up to what the card leaves free, and at least half the area when the
 * card is long.
 */
export function paneSplit(areaHeight: number, cardLines: number, paneLines: number): PaneSplit {
  const room = Math.max(3, Math.floor(areaHeight / 2), areaHeight - cardLines);
  const paneHeight = paneLines === 0 ? 0 : Math.min(paneLines + 1, room);
  return { paneHeight, bodyHeight: Math.max(1, areaHeight - paneHeight) };
}
