// An article as text: HTML reduced to its readable paragraphs, and the text cut into sentences with their offsets.
import { Readability } from '@mozilla/readability';
import type * as Linkedom from 'linkedom' with { 'resolution-mode': 'import' };

// linkedom ships CommonJS (its "default" export condition) but types only for its ES module build. It is pinned at
// 0.18.12: later releases need css-select 7, an ES module that require() (and jest) cannot load before Node 20.19.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseHTML } = require('linkedom') as typeof Linkedom;

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TD', 'FIGCAPTION', 'DT', 'DD']);

interface TextNodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNodeLike>;
}

/** Paragraph texts of a DOM subtree: each block element is one paragraph, whitespace inside it collapsed. */
function paragraphs(root: TextNodeLike): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
    current = '';
  };
  const walk = (node: TextNodeLike) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    if (node.nodeName === 'SCRIPT' || node.nodeName === 'STYLE' || node.nodeName === 'NOSCRIPT') return;
    if (node.nodeName === 'BR') {
      flush();
      return;
    }
    const block = BLOCKS.has(node.nodeName) || node.nodeName === 'DIV';
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

/**
 * The article's own text from a page: Mozilla's Readability (Firefox Reader View) picks the article out of the page
 * over linkedom, a DOM light enough for a request; a fragment it cannot score is read whole instead.
 */
export function htmlToArticleText(html: string): string {
  const wrapped = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(wrapped);
  const article = new Readability(document as never, { charThreshold: 200 }).parse();
  let blocks: string[] = [];
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    blocks = paragraphs(content.body as unknown as TextNodeLike);
  }
  if (!blocks.length) {
    const { document: whole } = parseHTML(wrapped);
    blocks = paragraphs(whole.body as unknown as TextNodeLike);
  }
  return blocks.join('\n\n');
}

export interface Sentence {
  text: string;
  /** Offset of the sentence in the article text. */
  start: number;
  /** Index of the paragraph (blank-line or line-break separated) the sentence is in. */
  paragraph: number;
}

// Intl.Segmenter ends a sentence after any full stop followed by a capital; these words take a full stop mid-sentence.
const ABBREVIATION =
  /(?:^|[\s(])(?:U\.S|U\.K|U\.N|E\.U|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sen|Rep|Gov|Amb|Jr|Sr|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|No|Vol|[A-ZА-Я]|г|гг|т\.е|т\.д|им|ул|см|тыс|млн|млрд)\.\s*$/;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(language: string): Intl.Segmenter {
  let found = segmenters.get(language);
  if (!found) segmenters.set(language, (found = new Intl.Segmenter(language, { granularity: 'sentence' })));
  return found;
}

/** The article's sentences, each a verbatim slice of `text` (trimmed), in order. */
export function splitSentences(text: string, language: string): Sentence[] {
  const sentences: Sentence[] = [];
  const paragraphPattern = /[^\n]+/g;
  let paragraph = -1;
  for (let match = paragraphPattern.exec(text); match; match = paragraphPattern.exec(text)) {
    if (!match[0].trim()) continue;
    paragraph++;
    let pending: { start: number; end: number } | undefined;
    const push = () => {
      if (!pending) return;
      const raw = text.slice(pending.start, pending.end);
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      if (body) sentences.push({ text: body, start: pending.start + lead, paragraph });
      pending = undefined;
    };
    for (const piece of segmenter(language).segment(match[0])) {
      const start = match.index + piece.index;
      const end = start + piece.segment.length;
      if (pending) pending.end = end;
      else pending = { start, end };
      if (!ABBREVIATION.test(text.slice(pending.start, end))) push();
    }
    push();
  }
  return sentences;
}
