// Date presets: the periods readers come for. "All" is the whole data range.

export interface DatePreset {
  id: string;
  label: string;
  /** Inclusive first and last day; null for the whole data range. */
  from: string | null;
  to: string | null;
}

export const DATE_PRESETS: readonly DatePreset[] = [
  { id: 'crimea', label: '2014 Crimea', from: '2014-02-15', to: '2014-04-30' },
  { id: 'expulsions', label: '2016–17 expulsions', from: '2016-12-01', to: '2017-09-30' },
  { id: 'skripal', label: '2018 Skripal', from: '2018-03-01', to: '2018-04-30' },
  { id: '2021', label: '2021', from: '2021-01-01', to: '2021-12-31' },
  { id: 'invasion', label: '2022 invasion', from: '2022-01-15', to: '2022-04-15' },
  { id: 'all', label: 'All', from: null, to: null },
];

function localDay(value: string): Date {
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year, month - 1, day);
}

/** The window a preset opens: its days (the last one whole), with a little air either side. */
export function presetWindow(preset: DatePreset, dataRange: { from: string; to: string } | null): { start: Date; end: Date } | null {
  const from = preset.from ?? dataRange?.from;
  const to = preset.to ?? dataRange?.to;
  if (!from || !to) return null;
  const start = localDay(from);
  const end = new Date(localDay(to).getTime() + 86_400_000);
  const air = (end.getTime() - start.getTime()) * 0.02;
  return { start: new Date(start.getTime() - air), end: new Date(end.getTime() + air) };
}
