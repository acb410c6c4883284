// Finds the record's actors in an article by name, surname and alias (Latin and Cyrillic), and names it does not know.
import { ActorKind } from '@detente/shared';

export interface KnownActor {
  id: string;
  slug: string;
  name: string;
  kind: ActorKind;
  country: string | null;
  aliases: string[];
}

export interface ActorMention {
  /** The words as the article writes them. */
  text: string;
  start: number;
  end: number;
  /** The record's actor, or null for a person the record does not have. */
  actor: KnownActor | null;
  /** Written as a possessor ("Putin's spokesman"). */
  possessive?: boolean;
}

// Names the record's aliases leave out but news writes every day; keyed by the dataset slug (server/data/actors).
const EXTRA_NAMES: Record<string, string[]> = {
  'russian-mfa': [
    "Russia's Foreign Ministry",
    "Russia's foreign ministry",
    'Russian foreign ministry',
    'Foreign Ministry',
    'МИД РФ',
    'МИД',
    'Министерство иностранных дел',
  ],
  'us-state-department': ['Department of State', 'госдепартамент', 'Госдепартамент'],
  'us-treasury': ['Treasury Department', 'Department of the Treasury', 'Минфин США'],
  ofac: ['Office of Foreign Assets Control'],
  kremlin: ['Кремле', 'Кремля'],
  'white-house': ['White House'],
  'us-senate': ['senators', 'Senate'],
  // Cyrillic spellings of U.S. officials that the dataset's actors do not list yet.
  'marco-rubio': ['Марко Рубио', 'Рубио'],
  'donald-trump': ['Дональд Трамп', 'Трамп'],
  'joe-biden': ['Джо Байден', 'Байден'],
  'barack-obama': ['Барак Обама', 'Обама'],
  'john-kerry': ['Джон Керри', 'Керри'],
  'rex-tillerson': ['Рекс Тиллерсон', 'Тиллерсон'],
  'mike-pompeo': ['Майк Помпео', 'Помпео'],
  'antony-blinken': ['Энтони Блинкен', 'Блинкен'],
  'victoria-nuland': ['Виктория Нуланд', 'Нуланд'],
  'wendy-sherman': ['Венди Шерман', 'Шерман'],
  'john-j-sullivan': ['Джон Салливан'],
  'jake-sullivan': ['Джейк Салливан'],
  'lynne-tracy': ['Линн Трейси', 'Трейси'],
  'us-embassy-moscow': ['US embassy in Moscow', 'U.S. Embassy in Moscow', 'US Embassy in Moscow', 'U.S. embassy in Moscow'],
};

const WORD = /[\p{L}\p{M}][\p{L}\p{M}\d'’.-]*[\p{L}\p{M}\d]|[\p{L}\p{M}]/gu;
const CYRILLIC = /[\u0400-\u04FF]/;

interface Token {
  text: string;
  start: number;
  end: number;
  possessive: boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    // "Lavrov's" is Lavrov; a trailing full stop belongs to the sentence unless the word is an initial ("E.").
    const word = match[0].replace(/['’]s$/, '');
    tokens.push({ text: word, start: match.index!, end: match.index! + word.length, possessive: word !== match[0] });
  }
  return tokens;
}

/** Cyrillic names decline: "Рябков", "Рябкова", "Рябковым"; "Захарова", "Захаровой". A name's stem and a short ending. */
const cyrillicStem = (word: string) => word.toLowerCase().replace(/[аяйьоы]$/, '');
function sameWord(textWord: string, nameWord: string): boolean {
  if (textWord === nameWord) return true;
  if (!CYRILLIC.test(nameWord)) return false;
  const stem = cyrillicStem(nameWord);
  const word = textWord.toLowerCase();
  return word.startsWith(stem) && word.length - stem.length <= 3 && stem.length >= 3;
}
const indexKey = (word: string) => (CYRILLIC.test(word) ? cyrillicStem(word).slice(0, 4) : word);

interface NameForm {
  words: string[];
  actor: KnownActor;
  /** A bare surname, kept only when no other actor has the same one. */
  surname: boolean;
}

// Titles before a name the record may not have: "Acting OFAC Director John E. Smith", "спикер Госдепа Тэмми Брюс".
const TITLE_WORDS =
  /^(?:Secretary|Minister|Spokesman|Spokeswoman|Spokesperson|spokesman|spokeswoman|spokesperson|Adviser|Advisor|adviser|advisor|Envoy|envoy|Ambassador|ambassador|Director|President|Senator|Sen|Rep|Representative|Chairman|Chief|chief|aide|Aide|Undersecretary|Commander|Prime|Premier|Deputy|Counselor|General|Gen|министр|замминистра|замглавы|посол|пресс-секретарь|представитель|помощник|советник|спецпосланник|посланник|глава|президент|президента|госсекретарь|сенатор|директор|официальный|журналист|корреспондент|journalist|correspondent|reporter)$/;
const CAPITALIZED = /^(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu})$/u;
const NOT_A_NAME =
  /^(?:The|A|An|On|In|At|For|Of|And|But|Russian|Russia|American|America|United|States|State|Department|Foreign|Ministry|Affairs|Treasury|Defense|Defence|National|Security|Council|Kremlin|White|House|Moscow|Washington|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Россия|России|США|МИД|Госдепа|Госдепартамента)$/;

export class ActorMatcher {
  private readonly forms = new Map<string, NameForm[]>();

  constructor(actors: KnownActor[]) {
    const surnameOwners = new Map<string, Set<string>>();
    const add = (name: string, actor: KnownActor, surname: boolean) => {
      const words = tokenize(name).map((t) => t.text);
      if (!words.length) return;
      const key = indexKey(words[0]);
      const list = this.forms.get(key) ?? [];
      list.push({ words, actor, surname });
      this.forms.set(key, list);
    };
    for (const actor of actors) {
      const names = [actor.name, ...actor.aliases, ...(EXTRA_NAMES[actor.slug] ?? [])];
      for (const name of names) add(name, actor, false);
      if (actor.kind !== ActorKind.PERSON) continue;
      for (const name of names) {
        const words = tokenize(name).map((t) => t.text);
        if (words.length < 2) continue;
        const last = words[words.length - 1];
        if (last.length < 3 || last.endsWith('.')) continue;
        const owners = surnameOwners.get(last) ?? new Set<string>();
        owners.add(actor.id);
        surnameOwners.set(last, owners);
        add(last, actor, true);
      }
    }
    // A surname two actors share ("Sullivan") names neither on its own.
    for (const [key, list] of this.forms) {
      this.forms.set(
        key,
        list.filter((form) => !form.surname || (surnameOwners.get(form.words[0])?.size ?? 0) <= 1),
      );
    }
  }

  /** Every known actor named in `text`, longest name first where names overlap, with the offsets of the words. */
  findKnown(text: string): ActorMention[] {
    const tokens = tokenize(text);
    const mentions: ActorMention[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.forms.get(indexKey(tokens[i].text)) ?? [];
      let best: { form: NameForm; length: number } | undefined;
      for (const form of candidates) {
        if (i + form.words.length > tokens.length) continue;
        if (!form.words.every((word, k) => sameWord(tokens[i + k].text, word))) continue;
        if (!best || form.words.length > best.length) best = { form, length: form.words.length };
      }
      if (!best) continue;
      const end = tokens[i + best.length - 1].end;
      const last = tokens[i + best.length - 1];
      mentions.push({
        text: text.slice(tokens[i].start, end),
        start: tokens[i].start,
        end,
        actor: best.form.actor,
        possessive: last.possessive,
      });
      i += best.length - 1;
    }
    return mentions;
  }

  /** People named after a title ("Acting OFAC Director John E. Smith") or before one ("Tammy Bruce, … spokeswoman") whom the record lacks. */
  findUnknownPeople(text: string, known: ActorMention[]): ActorMention[] {
    const tokens = tokenize(text);
    const covered = (start: number) => known.some((m) => start >= m.start && start < m.end);
    const found: ActorMention[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const isName = (k: number) =>
        k < tokens.length && CAPITALIZED.test(tokens[k].text) && !NOT_A_NAME.test(tokens[k].text) && !covered(tokens[k].start);
      if (!isName(i) || (i > 0 && isName(i - 1))) continue;
      let j = i;
      // Words of one name are separated by a space, or by an initial's full stop ("John E. Smith").
      const joined = (k: number) =>
        /^\s+$/.test(text.slice(tokens[k].end, tokens[k + 1].start)) ||
        (tokens[k].text.length === 1 && /^\.\s+$/.test(text.slice(tokens[k].end, tokens[k + 1].start)));
      while (j + 1 < tokens.length && j - i < 3 && isName(j + 1) && joined(j)) j++;
      if (j === i || tokens[j].text.length === 1) continue;
      const before = i > 0 ? tokens[i - 1].text : '';
      const after = text.slice(tokens[j].end, tokens[j].end + 60);
      const titled =
        TITLE_WORDS.test(before) ||
        /^,\s+(?!his\b|her\b|their\b|its\b)(?:the\s+)?[\p{L} .-]*?(?:spokes\w+|adviser|advisor|envoy|minister|secretary|director|ambassador|official|aide|chief)\b/iu.test(
          after,
        );
      if (!titled) continue;
      found.push({ text: text.slice(tokens[i].start, tokens[j].end), start: tokens[i].start, end: tokens[j].end, actor: null });
      i = j;
    }
    return found;
  }
}

/** Which side a sentence's words point to, from country names and demonyms, for direction when no actor says. */
export function sidesNamed(text: string): { us: boolean; ru: boolean } {
  return {
    us: /\b(?:U\.S\.|US|USA|United States|America|American|Americans|Washington|Obama|Trump|Biden|OFAC|Treasury|State Department|Pentagon|White House|Senate|Congress)\b|США|Соединенн\S* Штат|Соединённ\S* Штат|американск|Вашингтон|Госдеп|Белого дома|Белый дом/.test(
      text,
    ),
    ru: /\b(?:Russia|Russian|Russians|Moscow|Kremlin|Putin)\b|Росси|росси|Москв|Кремл|Путин|МИД РФ|МИД России/.test(text),
  };
}
