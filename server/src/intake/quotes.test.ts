// Quotes are kept only when the article says who spoke them, and always as the article's own words.
import { ActorKind } from '@detente/shared';
import { ActorMatcher, KnownActor } from './actor-matcher';
import { attributedQuotes } from './quotes';

const actor = (slug: string, name: string, country: string, aliases: string[] = [], kind = ActorKind.PERSON): KnownActor => ({
  id: slug,
  slug,
  name,
  kind,
  country,
  aliases,
});
const matcher = new ActorMatcher([
  actor('sergei-ryabkov', 'Sergei Ryabkov', 'RU', ['Сергей Рябков', 'Рябков']),
  actor('maria-zakharova', 'Maria Zakharova', 'RU', ['Мария Захарова', 'Захарова']),
  actor('victoria-nuland', 'Victoria Nuland', 'US'),
  actor('us-senate', 'United States Senate', 'US', ['Senate'], ActorKind.LEGISLATURE),
  actor('interfax', 'Interfax', 'RU', ['Интерфакс'], ActorKind.MEDIA_OUTLET),
]);

function quotesOf(text: string) {
  const known = matcher.findKnown(text);
  const mentions = [...known, ...matcher.findUnknownPeople(text, known)].sort((a, b) => a.start - b.start);
  return attributedQuotes(text, { mentions }).map((q) => ({
    text: q.text,
    speaker: q.speaker.actor?.slug ?? q.speaker.text,
    verbatim: text.includes(q.text),
  }));
}

describe('quote attribution', () => {
  it('Given “…,” Ryabkov said, Then the words are his, verbatim', () => {
    expect(quotesOf('"I cannot say we made much headway," Ryabkov said.')).toEqual([
      { text: 'I cannot say we made much headway', speaker: 'sergei-ryabkov', verbatim: true },
    ]);
  });

  it('Given Ryabkov told Interfax: “…”, Then the speaker is Ryabkov, not the outlet', () => {
    const [quote] = quotesOf('Ryabkov told Interfax: “The issues have substantial crisis potential.”');
    expect(quote).toMatchObject({ speaker: 'sergei-ryabkov', verbatim: true });
  });

  it('Given “…,” said Sigal Mandelker, a Treasury official, Then a person the record lacks is the speaker by name', () => {
    const [quote] = quotesOf('“Treasury remains committed to targeting these entities,” said Sigal Mandelker, Treasury undersecretary.');
    expect(quote).toMatchObject({ speaker: 'Sigal Mandelker', verbatim: true });
  });

  it('Given a second quote in the same paragraph, Then it continues the attributed speaker', () => {
    const quotes = quotesOf('"I cannot say we made much headway," Ryabkov said. "Those issues have substantial crisis potential."');
    expect(quotes.map((q) => q.speaker)).toEqual(['sergei-ryabkov', 'sergei-ryabkov']);
  });

  it('Given “he said” after a quote, Then the speaker is the person quoted or named before', () => {
    const text =
      'Ryabkov met Victoria Nuland on Tuesday. "We do not rule out certain escalations in those areas," Ryabkov said.\n"There are some other areas of bilateral work," he said.';
    expect(quotesOf(text).map((q) => q.speaker)).toEqual(['sergei-ryabkov', 'sergei-ryabkov']);
  });

  it('Given scare quotes or a quote nobody is said to have spoken, Then there is no quote', () => {
    expect(quotesOf('Biden replied “I do” when asked if he thought the leader was a “killer.”')).toEqual([]);
    expect(quotesOf('The move was described in the press as "a serious escalation of the crisis".')).toEqual([]);
  });

  it('Given «…», — заявил Рябков, Then the Russian quote is his', () => {
    expect(quotesOf('«Мы не можем не модифицировать формат наших контактов», — заявил Рябков.')).toEqual([
      { text: 'Мы не можем не модифицировать формат наших контактов', speaker: 'sergei-ryabkov', verbatim: true },
    ]);
  });

  it('Given «…», — цитирует ТАСС Рябкова, Then the declined surname names the speaker', () => {
    const [quote] = quotesOf('«На мой взгляд, наиболее применимое к ним слово — это пробуксовка», — цитирует ТАСС Рябкова.');
    expect(quote).toMatchObject({ speaker: 'sergei-ryabkov', verbatim: true });
  });

  it('Given „…“ and Захарова заявила: «…», Then both quote styles are read', () => {
    expect(quotesOf('Мария Захарова заявила: „Американскому дипломату было предписано покинуть Россию“.')[0]).toMatchObject({
      speaker: 'maria-zakharova',
      verbatim: true,
    });
  });

  it('Given "…, - отметил Рябков. - …" with the attribution inside the marks, Then the quote stops before it', () => {
    const [quote] = quotesOf('"Есть риск подобного столкновения, он до конца не устранен, - отметил Рябков. - Мы посылаем сигналы"');
    expect(quote).toEqual({ text: 'Есть риск подобного столкновения, он до конца не устранен', speaker: 'sergei-ryabkov', verbatim: true });
  });

  it('Given a quote-only paragraph signed "– заместитель министра" on the next line, Then it is the minister named before', () => {
    const text = 'Об этом заявил Сергей Рябков.\n\n"Такого рода рабочие контакты проводятся в столицах"\n\n– заместитель министра';
    expect(quotesOf(text)).toEqual([
      { text: 'Такого рода рабочие контакты проводятся в столицах', speaker: 'sergei-ryabkov', verbatim: true },
    ]);
  });
});
