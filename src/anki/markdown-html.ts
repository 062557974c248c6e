/**
 * A card side's markdown as the HTML Anki shows: text escaped, emphasis,
 * code and line breaks kept, images and links to media files made Anki's
 * own references (`<img src="name">`, `[sound:name]`). Small on purpose:
 * card sides are short, and Anki shows any HTML it is given.
 */

/** A media file a side refers to: the path as written (relative to the card's file) and the name Anki knows it by. */
export interface SideMedia {
  target: string;
  name: string;
}

const SOUND_EXT = /\.(mp3|wav|ogg|oga|m4a|flac|opus|aac|webm)$/i;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function mediaName(target: string): string {
  const last = target.split(/[\\/]/).pop() ?? target;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

const LINK_RE = /(!?)\[([^\]]*)\]\((?:<([^>]+)>|([^)\s]+))(?:\s+"[^"]*")?\)/g;

/** The HTML of one side; the media it refers to (local files only) are pushed to `media`. */
export function sideHtml(markdown: string, media: SideMedia[]): string {
  const tokens: string[] = [];
  const hold = (html: string) => `\u0000${tokens.push(html) - 1}\u0000`;
  let text = markdown.replace(LINK_RE, (_all, bang: string, label: string, angled?: string, plain?: string) => {
    const target = (angled ?? plain ?? '').trim();
    const local = target !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(target);
    if (!local) return hold(`<a href="${escapeHtml(target)}">${escapeHtml(label || target)}</a>`);
    const name = mediaName(target);
    media.push({ target, name });
    if (bang === '!') return hold(`<img src="${escapeHtml(name)}">`);
    return hold(SOUND_EXT.test(name) ? `[sound:${name}]` : `<a href="${escapeHtml(name)}">${escapeHtml(label || name)}</a>`);
  });
  text = text.replace(/`([^`]+)`/g, (_all, code: string) => hold(`<code>${escapeHtml(code)}</code>`));
  let html = escapeHtml(text)
    .replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<i>$2</i>')
    .replace(/==([^=]+)==/g, '<mark>$1</mark>')
    .replace(/\n/g, '<br>');
  html = html.replace(/\u0000(\d+)\u0000/g, (_all, i: string) => tokens[Number(i)]!);
  return html;
}
