// What a sentence says happened, from its verbs (English and Russian): the kind, the action and the CAMEO code.
//
// The codes follow the record's own practice, counted over server/data/events/*.json: phone calls are 041, visits
// 042, meetings elsewhere 044, talks 046, other meetings 040; sanctions imposed or expanded 163, eased or lifted
// 081; expulsions 174, closures, recalls and staff caps 161; agreements signed or extended 057, suspended or left
// 160, prisoner exchanges 0841; statements 010 unless the words say more (012 pessimism, 013 optimism, 016 denial,
// 020 appeal, 036 readiness to talk, 111 criticism, 112 accusation, 130 warning or threat).
import { EventKind, MeetingFormat } from '@detente/shared';

export interface EventTrigger {
  kind: EventKind;
  /** Sanction, mission or agreement action; meeting format for meetings. */
  action: string;
  cameoCode: string;
  /** Where in the sentence the words are. */
  index: number;
  words: string;
  /** Named in passing as an earlier step ("in retaliation for the expulsion …"), not the sentence's own news. */
  reference?: boolean;
}

interface Rule {
  kind: EventKind;
  action: string;
  cameoCode: string;
  pattern: RegExp;
}

const rule = (kind: EventKind, action: string, cameoCode: string, pattern: RegExp): Rule => ({ kind, action, cameoCode, pattern });
const { MEETING, SANCTION, MISSION, AGREEMENT } = EventKind;

const RULES: Rule[] = [
  rule(
    MEETING,
    MeetingFormat.PHONE,
    '041',
    /\b(?:spoke|speak|speaks|talked|talk|talks|conversation)\s+(?:by|over|on\s+the)\s+(?:tele)?phone\b|\b(?:tele)?phone\s+(?:call|conversation|talks?)\b|\bphone[sd]\b|\bby\s+(?:tele)?phone\b|телефонн\S*\s+(?:разговор|бесед|переговор)\S*|разговор\S*\s+по\s+телефону|созвонил\S*|позвонил\S*/giu,
  ),
  rule(
    MEETING,
    MeetingFormat.MULTILATERAL_SIDELINE,
    '044',
    /\bmet\b[^.]{0,80}\bon\s+the\s+side\s*lines\b|\bon\s+the\s+side\s*lines\b[^.]{0,60}\bmet\b|на\s+полях(?!\p{L})/giu,
  ),
  rule(MEETING, MeetingFormat.SUMMIT, '044', /\bsummit\b(?!\s+(?:is|will))|\bсаммит\S*/giu),
  rule(
    MEETING,
    MeetingFormat.IN_PERSON,
    '046',
    /\b(?:held|hold|holds|holding|had|began|opened|concluded|wrapped\s+up)\s+(?:\S+\s+){0,4}?(?:talks|negotiations|consultations|conversations)\b|\bnegotiated\b|провели?\s+(?:\S+\s+){0,3}?(?:переговоры|консультации)|переговоры\s+(?:прошли|состоялись)/giu,
  ),
  rule(
    MEETING,
    MeetingFormat.IN_PERSON,
    '046',
    /\b(?:a|the|their)\s+(?:meeting|talks|discussion|negotiations)\s+(?:\S+\s+){0,2}?(?:between|with)\b(?![^.;]{0,160}\b(?:is|are)\s+(?:being|expected|due|set|to\s+be)\b)(?![^.;]{0,160}\b(?:will|would)\b)|\bhad\s+(?:a\s+)?(?:\S+\s+)?discussion\s+with\b/giu,
  ),
  rule(
    MEETING,
    MeetingFormat.IN_PERSON,
    '040',
    /\b(?:met|meets?|meeting\s+with|sat\s+down\s+with|discuss(?:ed|es)?|series\s+of\s+contacts)\b|\b(?:conversation|call|talks|meeting)\s+(?:held|that\s+took\s+place|which\s+took\s+place)\s+(?:\S+\s+){0,3}?between\b|встретил\S*|встреча\s+(?:\S+\s+){0,4}?(?:прошла|состоялась)|разговор\S*\s+(?:\S+\s+){0,4}?состоял\S*|в\s+разговоре\s+с|провели?\s+встречу|обсудили/giu,
  ),
  rule(
    SANCTION,
    'LIFTED',
    '081',
    /\b(?:lift\S*|remov\S*|rescind\S*|revok\S*)\b[^.;]{0,70}?\b(?:sanctions?|bans?|restrictions?|from\s+(?:the|its)\s+(?:\S+\s+)?(?:list|blacklist))\b|снял\S*\s+(?:\S+\s+){0,4}?(?:санкци|ограничени|запрет)\S*|исключил\S*\s+из\s+(?:\S+\s+)?(?:списка|санкционного)/giu,
  ),
  rule(SANCTION, 'EASED', '081', /\b(?:eas(?:ed|es|ing)|relax\S*|waiv\S*)\b[^.;]{0,50}?\bsanctions?\b|смягчил\S*\s+санкци/giu),
  rule(
    SANCTION,
    'IMPOSED',
    '163',
    /\b(?:impos\S*|slapp\S*|levied|announc\S*|unveil\S*|roll(?:s|ed)?\s+out|authoriz\S*|expand\S*|tighten\S*)\b[^.;]{0,60}?\b(?:sanctions?|penalties|embargo|entry\s+bans?|visa\s+bans?)\b|\bsanctioned\b|\bdesignat(?:ed|es|e)\s+(?:\S+\s+){0,4}?(?:individuals|entities|persons|people|companies|banks|officials)|\bfroze\b[^.]{0,40}\bassets\b|\bblacklist(?:ed|s)\b|ввел\S*\s+(?:\S+\s+){0,3}?(?:санкци|ограничени)\S*|(?:расширил|ужесточил)\S*\s+(?:\S+\s+)?санкци\S*|внес\S*\s+в\s+(?:санкционный|черный|стоп-)\S*/giu,
  ),
  rule(
    SANCTION,
    'EXTENDED',
    '163',
    /\bextend(?:s|ed)\b[^.;]{0,60}?\b(?:sanctions|ban|embargo|national\s+emergency)\b|продлил\S*\s+(?:\S+\s+){0,3}?(?:санкци|запрет|эмбарго)\S*/giu,
  ),
  rule(SANCTION, 'EXPANDED', '163', /\badd(?:s|ed)\b[^.;]{0,80}?\bto\s+(?:the\s+|its\s+)?(?:\S+\s+){0,3}?(?:list|sanctions)\b/giu),
  rule(
    SANCTION,
    'IMPOSED',
    '163',
    /\b(?:sanctions|designates|blacklists)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens|several|more|new)\b|\b(?:bars|barred|bans|banned)\s+(?:\S+\s+){0,4}?(?:from\s+entering|entry|imports?|Americans|officials|lawmakers|senators|citizens)\b|\bsign(?:s|ed)\s+(?:EO|executive\s+order|an?\s+executive\s+order)\b/giu,
  ),
  rule(
    MISSION,
    'AMBASSADOR_RECALL',
    '161',
    /\brecall\S*\s+(?:its|his|her|their|the)?\s*(?:\S+\s+)?ambassador\b|\bambassador\b[^.]{0,30}\brecalled\b|отозвал\S*\s+(?:\S+\s+)?посла|отзыв\S*\s+посла/giu,
  ),
  rule(
    MISSION,
    'CLOSURE',
    '161',
    /\b(?:(?:will\s+have\s+to|must|has\s+to)\s+)?(?:clos(?:e|ed|es|ing|ure)|shut(?:ting)?\s*(?:down)?)\b[^.;]{0,70}?\b(?:consulates?|embass(?:y|ies)|missions?|annex(?:es)?|compounds?|trade\s+missions?|dachas?)\b|\b(?:consulates?|embass(?:y|ies)|compounds?)\b[^.;]{0,40}?\b(?:closed|shut)\b|закры\S*\s+(?:\S+\s+){0,4}?(?:генконсульств|консульств|посольств|дипобъект)\S*|закрыти\S*\s+(?:\S+\s+){0,3}?(?:генконсульств|консульств|посольств)\S*/giu,
  ),
  rule(
    MISSION,
    'STAFF_CAP',
    '161',
    /\b(?:reduc\S*|cut\S*|slash\S*|downsiz\S*)\b[^.;]{0,50}?\b(?:staff|diplomats|personnel|missions?)\b|сократить\s+(?:\S+\s+){0,3}?(?:штат|персонал|численность)/giu,
  ),
  rule(
    MISSION,
    'EXPULSION',
    '174',
    /\bexpel\S*|\bexpulsions?\b|\bpersonae?\s+non\s+grata\b|\bkick(?:ed|s)?\s+out\b|\b(?:ordered|told)\s+(?:\S+\s+){0,6}?to\s+leave\b|высыл\S*|высла\S*|высылк\S*|персон\S*\s+нон\s+грата|предписан\S*\s+покинуть|покинуть\s+(?:Россию|США|страну)/giu,
  ),
  rule(
    AGREEMENT,
    'EXCHANGED',
    '0841',
    /\bprisoner\s+(?:swap|exchange|trade)s?\b|\bswap(?:ped)?\b|\bexchanged\b|\btrade\s+unfolded\b|обмен\S*\s+(?:\S+\s+)?(?:заключенн|заключённ|пленн)\S*|обменял\S*/giu,
  ),
  rule(
    AGREEMENT,
    'SUSPENDED',
    '160',
    /\bsuspend\S*\b[^.;]{0,60}?\b(?:participation|treaty|obligations|New\s+START)\b|приостанов\S*\s+(?:\S+\s+){0,3}?(?:участи|действи|договор)\S*/giu,
  ),
  rule(
    AGREEMENT,
    'WITHDRAWN',
    '160',
    /\bwithdr[ae]w\S*\s+(?:\S+\s+){0,2}?from\b|\bback(?:ing|s|ed)?\s+out\s+of\b|\bwithdrawal\s+from\b|\bpull(?:ed|s)?\s+out\s+of\b|\bformally\s+withdr\S*|вышл\S*\s+из\s+(?:\S+\s+)?договора|выход\S*\s+из\s+(?:\S+\s+)?договора/giu,
  ),
  rule(
    AGREEMENT,
    'EXTENDED',
    '057',
    /\bextend\S*\s+(?:\S+\s+){0,4}?(?:treaty|New\s+START|agreement|accord)\b|\bextension\s+of\s+(?:the\s+)?(?:New\s+START|treaty)|продлил\S*\s+(?:\S+\s+){0,3}?договор\S*/giu,
  ),
  rule(
    AGREEMENT,
    'SIGNED',
    '057',
    /\bsign(?:ed|s)?\b[^.;]{0,60}?\b(?:agreement|treaty|deal|accord|memorandum|protocol|joint\s+statement)\b|\bstruck\s+a\s+deal\b|подписал\S*\s+(?:\S+\s+){0,3}?(?:соглашени|договор|меморандум|заявлени)\S*/giu,
  ),
];

// Words just before an action's verb that make it not (yet) a fact: a wish, a threat, a plan, a condition, a denial.
const NOT_DONE_EN =
  /\b(?:could|would|might|may|can|cannot|should|must|if|whether|possible|possibly|consider\S*|threaten\S*|ready\s+to|seek\S*\s+to|wants?\s+to|plans?\s+to|planned\s+to|expected\s+to|will|to\s+be|not|never|no|called\s+(?:on|for)|urg\S*|asked|propos\S*|demand\S*|offer\S*|work\S*|wait\S*\s+for|den(?:y|ied|ies)|refut\S*|cancel\S*|upcoming|planned|possible|potential|future|proposed)\s+(?:\S+\s+){0,3}$/i;
// "following a move by the Kremlin to downsize …": an earlier step named in passing, already in the story's past.
const REFERENCE =
  /\b(?:move|decision|effort|attempt|bid|plan|order|push)s?\b[^.;]{0,30}\bto\s+$|\b(?:in\s+response\s+to|in\s+retaliation\s+for|in\s+reply\s+to)\s+(?:\S+\s+){0,4}$|\b(?:comes?|came)\s+(?:\S+\s+){0,2}?(?:after|following)\b[^.;]{0,80}$|в\s+ответ\s+на\s+(?:\S+\s+){0,4}$/i;
const NOT_DONE_RU =
  /(?:может|могут|могли|мог|возможн\S*|планиру\S*|готов\S*|намерен\S*|если|будет|будут|не|призвал\S*|предлож\S*|потребовал\S*|опроверг\S*|провед[её]т|проведут|встретится|встретятся|состоится|пройд[её]т|обсудят|созвонятся|поговорят)\s+(?:\S+\s+){0,2}$/i;
// "After the meeting, Lavrov said …": the meeting is the setting of what is said, not the event of the sentence.
const SETTING =
  /\b(?:after|before|following|during|ahead\s+of|at|since|on|for|about)\s+(?:the|their|a|this|that|these|those|his|her)\s+(?:\S+\s+){0,2}$|(?:после|перед|в\s+ходе|по\s+итогам|во\s+время|накануне)\s+(?:\S+\s+){0,2}$/i;

/** How far apart, in characters, two events of one kind in one sentence must start. */
const SAME_KIND_GAP = 40;

/** The events a sentence reports as done (at most two of a kind), read outside any quotation marks. */
export function findTriggers(sentence: string): EventTrigger[] {
  // Words inside quotes are the speaker's; the quote becomes a statement, so its verbs are blanked out here.
  const outside = sentence.replace(/«[^»]*»|„[^“”]*[“”]|“[^”]*”|"[^"]*"/g, (quoted) => ' '.repeat(quoted.length));
  const found: EventTrigger[] = [];
  for (const { kind, action, cameoCode, pattern } of RULES) {
    for (const match of outside.matchAll(pattern)) {
      const before = outside.slice(Math.max(0, match.index! - 60), match.index!);
      if (NOT_DONE_EN.test(before) || NOT_DONE_RU.test(before)) continue;
      // "agreed to meet", "seeks to impose": an intent; "ordered Russia to close", "has to leave": an order.
      if (/\bto\s+$/i.test(before) && !/\b(?:ordered|told|forced|decided|has|have|had|voted)\s+(?:\S+\s+){0,4}?to\s+$/i.test(before))
        continue;
      const reference = REFERENCE.test(before);
      if (kind === MEETING && SETTING.test(before) && findStatementVerb(outside.slice(match.index!))) continue;
      // A second event of the same kind needs its own clause ("A met B …, following a call between C and D").
      const same = found.filter((t) => t.kind === kind);
      if (same.some((t) => Math.abs(t.index - match.index!) < SAME_KIND_GAP) || same.length >= 2) continue;
      found.push({ kind, action, cameoCode, index: match.index!, words: match[0], ...(reference ? { reference } : {}) });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

const SAY =
  /\b(?:said|says|told|tells|added|noted|wrote|stated|warned|warns|explained|declared|tweeted|posted|insisted|insists|stressed|argued|announced|announces|emphasized|emphasised|called\s+(?:on|for)|calls\s+(?:on|for)|urged|urges|accused|accuses|denied|denies|condemned|condemns|criticized|criticizes|criticised|criticises|threatened|threatens|rejected|rejects|praised|praises|welcomed|welcomes|regrets|described|dismissed|dismisses|blames|vows|pledges|demands|replied|answered|stating|saying|confirmed|is\s+quoted\s+as\s+saying)\b|по\s+(?:его|ее|её|их)\s+словам|(?:заяви|сказа|отмети|подчеркну|добави|сообщи|поясни|написа|указа|призва|обвини|опроверг|осуди|раскритикова|назва|пригрози|предупреди|объясни|подтверди|рассказа)[а-яё]*/iu;

/** The reporting verb of a sentence ("said", "заявил"), with its offset, or null. */
export function findStatementVerb(sentence: string): { index: number; words: string } | null {
  const outside = sentence.replace(/«[^»]*»|„[^“”]*[“”]|“[^”]*”|"[^"]*"/g, (quoted) => ' '.repeat(quoted.length));
  const match = SAY.exec(outside);
  return match ? { index: match.index, words: match[0] } : null;
}

const STATEMENT_CODES: Array<[RegExp, string]> = [
  [/\bthreat\S*|\bwarn\S*|\bretaliat\S*|\bconsequences\b|ответн\S*\s+мер|пригрози\S*|предупреди\S*|предупрежда\S*/iu, '130'],
  [/\baccus\S*|\bblam\S*|обвини\S*|обвиня\S*/iu, '112'],
  [/\b(?:condemn|criticiz|criticis|denounc|slamm|lash)\S*|осуди\S*|раскритикова\S*|осужда\S*/iu, '111'],
  [/\bden(?:y|ied|ies)\b|\brefut\S*|опроверг\S*/iu, '016'],
  [/\bcall(?:ed|s)?\s+(?:on|for)\b|\burg\S*|\bappeal\S*|призва\S*|призыва\S*/iu, '020'],
  [
    /\bno\s+progress\b|\bheadway\b|\bnot\s+(?:\S+\s+){0,3}?progress\b|\bpessimis\S*|\bworsen\S*|\bstalled\b|\bno\s+breakthrough|\bdegraded\b|ухудш\S*|пробуксов\S*|тупик\S*/iu,
    '012',
  ],
  [
    /\bready\s+to\s+(?:meet|talk|negotiate|work)|\bopen\s+to\s+(?:talks|dialogue)|\bwants?\s+to\s+meet|\bwant\s+to\s+meet|готовност\S*|хотим\s+встретиться|заинтересован\S*\s+в\s+контактах/iu,
    '036',
  ],
  [
    /\bproductive\b|\bconstructive\b|\boptimis\S*|\bclose\s+to\s+(?:an\s+)?agreement|\bwent\s+well\b|\bprogress\s+(?:was|has\s+been)\s+made|конструктивн\S*|продуктивн\S*|нормальност\S*/iu,
    '013',
  ],
];

/** A statement's CAMEO code from what its words do: warn, accuse, criticise, deny, appeal, despair, offer talks, hope. */
export function statementCode(text: string): string {
  for (const [pattern, code] of STATEMENT_CODES) if (pattern.test(text)) return code;
  return '010';
}

// Background: how things have stood for a while, not something that happened.
const BACKGROUND =
  /\b(?:has|have)\s+(?:long\s+|repeatedly\s+|previously\s+|often\s+|also\s+)?(?:said|argued|insisted|claimed|denied|accused|called)\b|\bsince\s+(?:(?:19|20)\d\d|the\s+(?:cold\s+war|collapse|end|start))|\b(?:have|has|had)\s+(?:long\s+)?been\s+(?:strained|tense|frosty|poor|bad|low|rocky|deteriorat\S*|worsen\S*|at\s+(?:their|a)\s+lowest)|\bfor\s+(?:years|decades)\b|\bever\s+since\b|\bhas\s+(?:a\s+)?long\s+history|(?<!\p{L})с\s+(?:19|20)\d\d\s+года|на\s+протяжении\s+(?:многих\s+)?(?:лет|десятилетий)|(?<!\p{L})уже\s+много\s+лет/iu;

export const isBackground = (sentence: string) => BACKGROUND.test(sentence);

// Where a sentence turns to an earlier event ("… in retaliation for the expulsion … last month"): its date words are that event's.
const REFERENCE_CLAUSE =
  /\b(?:in\s+retaliation\s+for|in\s+response\s+to|in\s+reply\s+to|following|after)\b[^,;]*|(?<!\p{L})(?:в\s+ответ\s+на|после)(?!\p{L})[^,;]*/giu;

/** The sentence with the clauses that name earlier events blanked out (offsets kept), or null when it has none. */
export function withoutReferences(sentence: string): string | null {
  const blanked = sentence.replace(REFERENCE_CLAUSE, (clause) => ' '.repeat(clause.length));
  return blanked === sentence ? null : blanked;
}

// "Earlier, Lavrov said …": a statement from before the story, undated.
const EARLIER = /^(?:(?:Напомним,\s+)?(?:Ранее|ранее|До\s+этого|Прежде)|Earlier|Previously|In\s+the\s+past)(?=[\s,])/u;
export const isEarlierStatement = (sentence: string) => EARLIER.test(sentence);
