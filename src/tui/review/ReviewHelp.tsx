import { bindingsFor, modeNote, REVIEW_KEY_MODES } from '../key-table.js';
import { KeyHelp } from '../terminal/KeyHelp.js';

/** The review screen's keys: the quiz's have a list of their own. */
const BINDINGS = bindingsFor(REVIEW_KEY_MODES);

/** The room the key list has. */
export interface ReviewHelpProps {
  height: number;
  width: number;
}

/** Every key of the review screen; two columns when one does not fit. */
export function ReviewHelp({ height, width }: ReviewHelpProps) {
  return <KeyHelp bindings={BINDINGS} note={modeNote} height={height} width={width} overflow="columns" />;
}
