import { describe, expect, it } from 'vitest';
import { casingFrom } from '../../../src/parse/notes/label-casing.js';

describe('casingFrom', () => {
  it('keeps a capital the note writes only as a name, and lowers a word it writes in lower case', () => {
    const casing = casingFrom('Replicas use fencing tokens. We asked Spanner about tokens, and Byzantine nodes lie.');
    expect(casing('Tokens')).toBe('tokens');
    expect(casing('Byzantine')).toBe('Byzantine');
    expect(casing('Spanner')).toBe('Spanner');
    expect(casing('Unknown')).toBe('unknown');
  });
});
