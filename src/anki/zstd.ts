import { Decompress } from 'fzstd';
import { EngramError } from '../model/engram-error.js';

/** Zstandard's frame magic, little-endian: Anki compresses the anki21b collection and its media with it. */
const ZSTD_MAGIC = 0xfd2fb528;

/** Whether `bytes` start a Zstandard frame. */
export function isZstd(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ((bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16) | (bytes[3]! << 24)) >>> 0) === ZSTD_MAGIC;
}

/**
 * Unpacks Zstandard data (fzstd, pure JavaScript: the same on every OS, no
 * native build), streaming, so that no more than `maxBytes` is ever held: a
 * frame that unpacks past it is refused as a bomb before it fills memory.
 * @throws EngramError 'failed' naming `what` when the data is damaged or too large
 */
export function unzstd(bytes: Uint8Array, what: string, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const stream = new Decompress((chunk) => {
    size += chunk.length;
    if (size > maxBytes) throw new EngramError('failed', `${what} unpacks to more than ${Math.round(maxBytes / 1024 ** 2)} MiB (a zip bomb); nothing was written.`);
    chunks.push(chunk);
  });
  try {
    stream.push(bytes, true);
  } catch (err) {
    if (err instanceof EngramError) throw err;
    throw new EngramError('failed', `${what} is damaged: its Zstandard data cannot be read (${err instanceof Error ? err.message : String(err)}). Export it again from Anki.`);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
