import type { AnkiCollection, AnkiCollectionRows, AnkiDeck, AnkiLayout, AnkiNoteType } from '../model/anki-collection.js';
import { EngramError } from '../model/engram-error.js';
import { protoFields, protoHas, protoNumber, protoText } from './protobuf.js';


/**
 * The collection engram maps, from its rows: note types and decks decoded
 * from schema 11's JSON or schema 18's protobuf configs.
 * @throws EngramError 'failed' naming `shownName` when they cannot be decoded
 */
export function decodeCollection(rows: AnkiCollectionRows, layout: AnkiLayout, shownName: string): AnkiCollection {
  try {
    const { noteTypes, decks } = rows.legacy ? legacyTypes(rows.legacy) : modernTypes(rows);
    return { layout, schema: rows.schema, createdSecs: rows.createdSecs, noteTypes, decks, notes: rows.notes, cards: rows.cards, revlog: rows.revlog };
  } catch (err) {
    throw new EngramError('failed', `${shownName} is damaged: its note types or decks cannot be read (${err instanceof Error ? err.message : String(err)}). Export it again from Anki.`);
  }
}

interface LegacyModel {
  id: number | string;
  name: string;
  type: number;
  flds: { name: string; ord: number }[];
  tmpls: { name: string; qfmt: string; afmt: string; ord: number }[];
}

function legacyTypes(legacy: { models: string; decks: string }): { noteTypes: Map<number, AnkiNoteType>; decks: Map<number, AnkiDeck> } {
  const models = JSON.parse(legacy.models) as Record<string, LegacyModel>;
  const noteTypes = new Map<number, AnkiNoteType>();
  for (const m of Object.values(models)) {
    const id = Number(m.id);
    noteTypes.set(id, {
      id,
      name: m.name,
      cloze: m.type === 1,
      fields: [...m.flds].sort((a, b) => a.ord - b.ord).map((f) => f.name),
      templates: [...m.tmpls].sort((a, b) => a.ord - b.ord).map((t) => ({ name: t.name, front: t.qfmt, back: t.afmt })),
    });
  }
  const deckJson = JSON.parse(legacy.decks) as Record<string, { id: number | string; name: string; dyn?: number }>;
  const decks = new Map<number, AnkiDeck>();
  for (const d of Object.values(deckJson)) decks.set(Number(d.id), { id: Number(d.id), path: d.name.split('::'), filtered: d.dyn === 1 });
  return { noteTypes, decks };
}

function modernTypes(rows: AnkiCollectionRows): { noteTypes: Map<number, AnkiNoteType>; decks: Map<number, AnkiDeck> } {
  const noteTypes = new Map<number, AnkiNoteType>();
  for (const nt of rows.notetypes) {
    // NotetypeConfig { Kind kind = 1; ... }: 1 is cloze.
    noteTypes.set(nt.id, { id: nt.id, name: nt.name, cloze: protoNumber(protoFields(nt.config), 1, 0) === 1, fields: [], templates: [] });
  }
  for (const f of rows.fields) noteTypes.get(f.ntid)?.fields.push(f.name);
  for (const t of rows.templates) {
    // CardTemplateConfig { string q_format = 1; string a_format = 2; ... }
    const c = protoFields(t.config);
    noteTypes.get(t.ntid)?.templates.push({ name: t.name, front: protoText(c, 1), back: protoText(c, 2) });
  }
  const decks = new Map<number, AnkiDeck>();
  // DeckKindContainer { Normal normal = 1; Filtered filtered = 2; }; names hold \x1f between levels.
  for (const d of rows.decks) decks.set(d.id, { id: d.id, path: d.name.split('\x1f'), filtered: protoHas(protoFields(d.kind), 2) });
  return { noteTypes, decks };
}
