// Inputs that break naive markdown parsers: one huge line, deep nesting, many
// cards, unbalanced markers. Shared by the parse benchmark and the tests.

const MB = 1024 * 1024;

/** Named pathological inputs, each built on demand. */
export const PATHOLOGICAL = {
  '10 MB single line of prose': () => 'word '.repeat((10 * MB) / 5),
  '10 MB single line card (front::back)': () => `front::${'x'.repeat(10 * MB)}`,
  '10 MB line of unbalanced backticks': () => '`a ``b ```c '.repeat((10 * MB) / 12),
  '10 MB line of == and [ markers': () => `C: ${'==a [b \\] [[c '.repeat((10 * MB) / 16)}`,
  '10 MB line of {{c1:: without }}': () => '{{c1::x '.repeat((10 * MB) / 8),
  '10 MB line of HTML comment openers': () => '<!-- a '.repeat((10 * MB) / 7),
  '10 MB heading with a run of inner spaces': () => `# a${' '.repeat(10 * MB)}b\nq::a`,
  'list nested 3,000 levels deep': () => Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'),
  'quote nested 3,000 levels deep': () => `${'>'.repeat(3000)} deep::quote`,
  '50,000 cards in one file': () => Array.from({ length: 50000 }, (_, i) => `Question ${i}::Answer ${i}`).join('\n'),
  '150,000 copies of one card': () => 'a::b\n'.repeat(150000),
  '1 MB of unclosed engram-id comment openers': () => `${'<!--engram-id:a'.repeat(70000)} b -->\none::two`,
  '20,000 unclosed ??x answers': () => Array.from({ length: 20000 }, (_, i) => `:p q${i}\n??x\nanswer ${i}\n---`).join('\n'),
  '2,000 fences of falling length, none closed': () =>
    Array.from({ length: 2000 }, (_, i) => '`'.repeat(2003 - i)).join('\n'),
};
