import { md, type CliEnv } from './cli-env.js';

/**
 * A small library under `work/library/` covering most card syntaxes, with
 * counts worked out by hand (see each file). Also holds two files a folder
 * walk must pass over: a .rst file and one in a hidden folder.
 */
export const LIBRARY = {
  folder: 'library',
  geography: 'library/geography.md',
  chemistry: 'library/science/chemistry.md',
  notes: 'library/notes.txt',
  ignoredRst: 'library/readme.rst',
  ignoredHidden: 'library/.drafts/draft.md',
} as const;

/** deck: frontmatter. Q/A (1) + inline (1) + inline both ways (2) + C: with two gaps (2) = 6 cards. */
export const GEOGRAPHY = md(
  '---', //                                          1
  'deck: Geography', //                              2
  '---', //                                          3
  '', //                                             4
  '# Capitals', //                                   5
  '', //                                             6
  'Q: What is the capital of France?', //            7
  'A: Paris', //                                     8
  '', //                                             9
  'Capital of Italy::Rome', //                      10
  '', //                                            11
  'Capital of Spain:::Madrid', //                   12
  '', //                                            13
  'C: The capital of [Germany] is [Berlin].', //    14
);

/** #flashcards/ tag. :p title block (1) + ==highlight== (1) + Anki cloze with hint (1) + multi-line ? (1) = 4 cards. */
export const CHEMISTRY = md(
  '#flashcards/chemistry', //                        1
  '', //                                             2
  '## Elements', //                                  3
  '', //                                             4
  '#### Water', //                                   5
  'Water is a molecule.', //                         6
  '', //                                             7
  ':p What is the formula of water?', //             8
  '??x', //                                          9
  'H2O', //                                         10
  'x??', //                                         11
  '', //                                            12
  'The symbol of gold is ==Au==.', //               13
  '', //                                            14
  "Sodium's symbol is {{c1::Na::two letters}}.", // 15
  '', //                                            16
  'Noble gas', //                                   17
  'with atomic number 2', //                        18
  '?', //                                           19
  'Helium', //                                      20
);

/** No deck given, so the deck is the file name. inline (1) + multi-line ?? both ways (2) = 3 cards. */
export const NOTES = md(
  'Boiling point of water at sea level::100 °C', //  1
  '', //                                             2
  'Opposite of hot', //                              3
  '??', //                                           4
  'cold', //                                         5
);

export function writeLibrary(env: CliEnv): void {
  env.write(LIBRARY.geography, GEOGRAPHY);
  env.write(LIBRARY.chemistry, CHEMISTRY);
  env.write(LIBRARY.notes, NOTES);
  env.write(LIBRARY.ignoredRst, md('Ignored card::yes'));
  env.write(LIBRARY.ignoredHidden, md('Draft card::yes'));
}
