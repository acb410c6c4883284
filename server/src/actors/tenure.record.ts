// An actor's tenure in an office as the dataset writes it (server/data/README.md, Actor): the one definition that
// validation, import and export all read.
import { z } from 'zod';
import { ISO_DATE_PATTERN, Office, URL_PATTERN, isIsoDate } from '@detente/shared';

export const MAX_TENURE_SOURCES = 5;
export const MAX_TENURE_NOTE_LENGTH = 500;

const day = (message: string) =>
  z.string({ error: message }).regex(ISO_DATE_PATTERN, { error: message }).refine(isIsoDate, { error: message });

export const TenureRecord = z
  .strictObject({
    office: z.enum(Office, { error: `must be one of ${Object.values(Office).join(', ')}` }),
    startDate: day('must be a real date in YYYY-MM-DD form'),
    endDate: day('must be a real date in YYYY-MM-DD form').optional(),
    sources: z
      .array(z.string({ error: 'must be an http(s) URL' }).max(2000).regex(URL_PATTERN, { error: 'must be an http(s) URL' }), {
        error: 'must be a list of URLs',
      })
      .min(1, { error: 'must name at least one source that confirms the dates' })
      .max(MAX_TENURE_SOURCES, { error: `must name at most ${MAX_TENURE_SOURCES} sources` }),
    note: z
      .string({ error: 'must be text' })
      .min(1)
      .max(MAX_TENURE_NOTE_LENGTH, { error: `must be at most ${MAX_TENURE_NOTE_LENGTH} characters` })
      .optional(),
  })
  .refine((t) => t.endDate === undefined || t.endDate >= t.startDate, { error: 'endDate must not be before startDate', path: ['endDate'] });

export type TenureRecordType = z.infer<typeof TenureRecord>;

/** Problems with one actor's tenures: each record alone, then overlaps of the same office. */
export function tenureProblems(tenures: unknown): string[] {
  if (!Array.isArray(tenures)) return ['tenures must be a list'];
  const problems: string[] = [];
  const valid: TenureRecordType[] = [];
  tenures.forEach((t, i) => {
    const parsed = TenureRecord.safeParse(t);
    if (parsed.success) valid.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        problems.push(`tenures[${i}]${issue.path.map((p) => `.${String(p)}`).join('')} ${issue.message}`);
  });
  const sorted = [...valid].sort((a, b) => a.startDate.localeCompare(b.startDate));
  sorted.forEach((t, i) => {
    const earlier = sorted.slice(0, i).find((e) => e.office === t.office && (e.endDate === undefined || e.endDate > t.startDate));
    if (earlier) problems.push(`tenures: ${t.office} from ${t.startDate} overlaps the one from ${earlier.startDate}`);
  });
  return problems;
}
