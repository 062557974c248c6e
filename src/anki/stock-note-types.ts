/**
 * The note types, decks and options an exported collection carries, as the
 * legacy layout's JSON (col.models, col.decks, col.dconf, col.conf). The note
 * types are Anki's stock Basic, Basic (and reversed card) and Cloze, with
 * fixed ids, so that every export of engram's lands on the same note types.
 */

export const BASIC_ID = 1_700_000_000_001;
export const REVERSED_ID = 1_700_000_000_002;
export const CLOZE_ID = 1_700_000_000_003;

const CSS = '.card {\n  font-family: arial;\n  font-size: 20px;\n  text-align: center;\n  color: black;\n  background-color: white;\n}\n';
const CLOZE_CSS = `${CSS}.cloze {\n  font-weight: bold;\n  color: blue;\n}\n`;
const LATEX_PRE = '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n';

function field(name: string, ord: number): Record<string, unknown> {
  return { name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, description: '', plainText: false, collapsed: false, excludeFromSearch: false };
}

function template(name: string, ord: number, qfmt: string, afmt: string): Record<string, unknown> {
  return { name, ord, qfmt, afmt, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 };
}

function noteType(id: number, name: string, type: 0 | 1, fields: string[], templates: Record<string, unknown>[], modSecs: number): Record<string, unknown> {
  return {
    id,
    name,
    type,
    mod: modSecs,
    usn: -1,
    sortf: 0,
    did: 1,
    tmpls: templates,
    flds: fields.map(field),
    css: type === 1 ? CLOZE_CSS : CSS,
    latexPre: LATEX_PRE,
    latexPost: '\\end{document}',
    latexsvg: false,
    req: templates.map((_t, ord) => [ord, 'any', [ord]]),
    tags: [],
    vers: [],
  };
}

const ANSWER = '{{FrontSide}}\n\n<hr id=answer>\n\n';

/** col.models: the three stock note types. */
export function stockModels(modSecs: number): string {
  const models = [
    noteType(BASIC_ID, 'Basic', 0, ['Front', 'Back'], [template('Card 1', 0, '{{Front}}', `${ANSWER}{{Back}}`)], modSecs),
    noteType(
      REVERSED_ID,
      'Basic (and reversed card)',
      0,
      ['Front', 'Back'],
      [template('Card 1', 0, '{{Front}}', `${ANSWER}{{Back}}`), template('Card 2', 1, '{{Back}}', `${ANSWER}{{Front}}`)],
      modSecs,
    ),
    noteType(CLOZE_ID, 'Cloze', 1, ['Text', 'Back Extra'], [template('Cloze', 0, '{{cloze:Text}}', '{{cloze:Text}}<br>\n{{Back Extra}}')], modSecs),
  ];
  return JSON.stringify(Object.fromEntries(models.map((m) => [String(m.id), m])));
}

/** col.decks: Default (id 1, which Anki always has) and the given decks, by id and `::` name. */
export function deckJson(decks: ReadonlyMap<number, string>, modSecs: number): string {
  const one = (id: number, name: string) => ({
    id,
    name,
    mod: modSecs,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: '',
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
  });
  const all: Record<string, unknown> = { '1': one(1, 'Default') };
  for (const [id, name] of decks) all[String(id)] = one(id, name);
  return JSON.stringify(all);
}

/** col.dconf: the default options group every exported deck uses. */
export function deckConfigJson(modSecs: number): string {
  return JSON.stringify({
    '1': {
      id: 1,
      name: 'Default',
      mod: modSecs,
      usn: -1,
      maxTaken: 60,
      autoplay: true,
      timer: 0,
      replayq: true,
      dyn: false,
      new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
      rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
      lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    },
  });
}

/** col.conf: the collection's options (the v3 scheduler, as current Anki uses). */
export function collectionConfJson(): string {
  return JSON.stringify({ activeDecks: [1], curDeck: 1, newSpread: 0, collapseTime: 1200, timeLim: 0, estTimes: true, dueCounts: true, curModel: null, nextPos: 1, sortType: 'noteFld', sortBackwards: false, addToCur: true, schedVer: 2, creationOffset: 0, sched2021: true });
}
