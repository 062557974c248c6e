/**
 * Rows a bulk write puts in one INSERT (an Anki import's answers and events, a
 * sync fold's, an export's review log): one statement a row cost most of a
 * million rows' write, and 512 rows of up to 10 values (5,120) stay well
 * inside SQLite's 32,766 variables a statement.
 */
export const ROWS_A_STATEMENT = 512;

/**
 * The text of a multi-row INSERT: `head` up to and with VALUES, then one row's
 * placeholders `row` as many times as asked. Each row count's text is made
 * once (512 rows are ~10 KB of text, and the store's statement cache is keyed
 * by the text, so the same text also finds its prepared statement).
 */
export class MultiRowInsert {
  private readonly texts = new Map<number, string>();

  constructor(
    private readonly head: string,
    private readonly row: string,
  ) {}

  /** The statement's text for `rows` rows. */
  text(rows: number): string {
    let text = this.texts.get(rows);
    if (text === undefined) this.texts.set(rows, (text = this.head + Array(rows).fill(this.row).join(', ')));
    return text;
  }
}
