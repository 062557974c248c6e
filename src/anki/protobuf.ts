/**
 * The few protobuf messages of Anki's newest layout that engram reads (the
 * package's meta, the media map, note type, template and deck configs),
 * decoded by hand: a reader of the wire format's fields, nothing generated.
 */

/** One field of a message: its number and, by wire type, a number (varint, fixed) or bytes (length-delimited). */
export interface ProtoField {
  field: number;
  value: number | Uint8Array;
}

/** The fields of one message, in order; throws Error on bytes that are no message. */
export function protoFields(bytes: Uint8Array): ProtoField[] {
  const out: ProtoField[] = [];
  let at = 0;
  const varint = (): number => {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (at >= bytes.length) throw new Error('protobuf cut short');
      const b = bytes[at++]!;
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    throw new Error('protobuf varint too long');
  };
  while (at < bytes.length) {
    const tag = varint();
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (wire === 0) out.push({ field, value: varint() });
    else if (wire === 2) {
      const len = varint();
      if (at + len > bytes.length) throw new Error('protobuf cut short');
      out.push({ field, value: bytes.subarray(at, at + len) });
      at += len;
    } else if (wire === 1 || wire === 5) {
      const n = wire === 1 ? 8 : 4;
      if (at + n > bytes.length) throw new Error('protobuf cut short');
      out.push({ field, value: 0 });
      at += n;
    } else throw new Error(`protobuf wire type ${wire} unknown`);
  }
  return out;
}

const decoder = new TextDecoder();

/** The first varint of `field`, or `fallback`. */
export function protoNumber(fields: readonly ProtoField[], field: number, fallback: number): number {
  const f = fields.find((x) => x.field === field && typeof x.value === 'number');
  return f ? (f.value as number) : fallback;
}

/** The first length-delimited `field` as UTF-8 text, or ''. */
export function protoText(fields: readonly ProtoField[], field: number): string {
  const f = fields.find((x) => x.field === field && typeof x.value !== 'number');
  return f ? decoder.decode(f.value as Uint8Array) : '';
}

/** Whether the message has `field` at all. */
export function protoHas(fields: readonly ProtoField[], field: number): boolean {
  return fields.some((x) => x.field === field);
}

/** Every length-delimited `field` (a repeated message). */
export function protoMessages(fields: readonly ProtoField[], field: number): Uint8Array[] {
  return fields.filter((x) => x.field === field && typeof x.value !== 'number').map((x) => x.value as Uint8Array);
}

/** A varint, for writing. */
function writeVarint(n: number, out: number[]): void {
  while (n >= 0x80) {
    out.push((n % 128) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
}

/** A message of varint and length-delimited fields, written in the order given (for the packages engram writes). */
export function protoMessage(fields: readonly ProtoField[]): Uint8Array {
  const out: number[] = [];
  for (const f of fields) {
    if (typeof f.value === 'number') {
      writeVarint(f.field * 8, out);
      writeVarint(f.value, out);
    } else {
      writeVarint(f.field * 8 + 2, out);
      writeVarint(f.value.length, out);
      for (const b of f.value) out.push(b);
    }
  }
  return Uint8Array.from(out);
}
