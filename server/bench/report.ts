// The results table: one row per scenario and implementation, with the ratios the targets are stated in.
import type { Figures, Overlap } from './scenarios';
import type { ThrottledResult } from './page';

export interface ScenarioResult {
  id: string;
  title: string;
  target: string;
  app: Figures;
  /** The app on graphql-js instead of graphql-jit. */
  interpreted?: Figures;
  floor?: Figures;
  peer?: Figures;
  answersAgree: boolean;
  /** The floor's JSON is the app's byte for byte (where the scenario asks). */
  sameBytes?: boolean;
  /** PostGraphile gave the app's answer (where it is asked the same question). */
  peerAgrees?: boolean;
  peerQuestion?: string;
  overlap?: Overlap;
  met: boolean;
  why: string;
}

interface Report {
  date: string;
  machine: { nproc: number; memoryGiB: number; cpu: string; node: string; postgres: string; postgraphile?: string };
  settings: { events: number; connections: number; runs: number; seconds: number };
  scenarios: ScenarioResult[];
  page?:
    | {
        firstDrawP50: number;
        firstDrawMax: number;
        frameP95: number;
        itemsLoaded: number;
        frames: number;
        slowFrames: number;
        throttled?: ThrottledResult;
      }
    | { skipped: string };
  coldStart?: { p50: number; max: number; runsMs: number[] } | { skipped: string };
}

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : v < 10 ? v.toFixed(2) : v.toFixed(1));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !b ? '—' : `${(a / b).toFixed(2)}×`);

/** The table as Markdown, so the same text goes to the terminal and to the README. */
export function renderTable(report: Report): string {
  const lines = [
    '| scenario | server | responses | p50 ms | p95 ms | p99 ms | req/s | SQL/req | p50 vs floor | req/s vs peer |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const s of report.scenarios) {
    const rows: Array<[string, Figures | undefined]> = [
      ['Détente', s.app],
      ['Détente on graphql-js', s.interpreted],
      ['floor (pg + SQL)', s.floor],
      [
        `PostGraphile ${report.machine.postgraphile ?? ''}`.trim() +
          (s.peerAgrees
            ? ' (same answer)'
            : s.peerQuestion
              ? ` (${s.peerQuestion})`
              : s.peerAgrees === false
                ? ' (**a different answer**)'
                : ''),
        s.peer,
      ],
    ];
    // A percentile over too few responses is one sample: shown only with at least 20 (p95) and 100 (p99).
    const enough = (f: Figures, needed: number, v: number) => (f.requests === undefined || f.requests >= needed ? ms(v) : '—');
    rows.forEach(([name, f], i) => {
      if (!f) return;
      lines.push(
        `| ${i === 0 ? s.title : ''} | ${name} | ${f.requests ?? '—'} | ${ms(f.p50)} | ${enough(f, 20, f.p95)} | ${enough(f, 100, f.p99)} | ${f.rps.toFixed(0)} | ${f.sqlPerRequest ?? '—'} | ${ratio(f.p50, s.floor?.p50)} | ${ratio(f.rps, s.peer?.rps)} |`,
      );
    });
  }
  return lines.join('\n');
}

export function renderTargets(report: Report): string {
  const lines = ['| scenario | target | measured | met |', '|---|---|---|---|'];
  for (const s of report.scenarios) lines.push(`| ${s.title} | ${s.target} | ${s.why} | ${s.met ? 'yes' : '**no**'} |`);
  if (report.page) {
    if ('skipped' in report.page) lines.push(`| (e) page | first draw ≤ 1 s; pan p95 ≤ 16.7 ms | skipped: ${report.page.skipped} | — |`);
    else {
      const p = report.page;
      lines.push(
        `| (e) page: navigation to first drawn timeline | ≤ 1 s | p50 ${ms(p.firstDrawP50)} ms, worst ${ms(p.firstDrawMax)} ms | ${p.firstDrawMax <= 1000 ? 'yes' : '**no**'} |`,
        // rAF timestamps are coarsened to 0.1 ms: a 60 Hz frame reads 16.6, 16.7 or 16.8.
        `| (e) page: frame time while panning, ${p.itemsLoaded} items | p95 ≤ 16.7 ms | p95 ${ms(p.frameP95)} ms over ${p.frames} frames, ${p.slowFrames} slow | ${Math.round(p.frameP95 * 10) / 10 <= 16.7 ? 'yes' : '**no**'} |`,
      );
      if (p.throttled) {
        const t = p.throttled;
        const kB = (bytes: number) => `${Math.round(bytes / 1000)} kB`;
        lines.push(
          `| (e) page on ${t.profile}: first items, precompressed files | faster than uncompressed | p50 ${ms(t.compressed.firstItemsP50)} ms, ${kB(t.compressed.transferredBytes)} on the wire; uncompressed p50 ${ms(t.uncompressed.firstItemsP50)} ms, ${kB(t.uncompressed.transferredBytes)} | ${t.compressed.firstItemsP50 < t.uncompressed.firstItemsP50 ? 'yes' : '**no**'} |`,
        );
      }
    }
  }
  if (report.coldStart) {
    if ('skipped' in report.coldStart) lines.push(`| (f) cold start | ≤ 3 s | skipped: ${report.coldStart.skipped} | — |`);
    else {
      const c = report.coldStart;
      lines.push(
        `| (f) cold start of \`npm start\` to ready | ≤ 3 s | p50 ${ms(c.p50)} ms, worst ${ms(c.max)} ms (${c.runsMs.length} runs) | ${c.max <= 3000 ? 'yes' : '**no**'} |`,
      );
    }
  }
  return lines.join('\n');
}

export function printTable(report: Report): void {
  const m = report.machine;
  console.log(
    `\n${report.settings.events.toLocaleString('en')} events · ${m.nproc} CPUs (${m.cpu}) · ${m.memoryGiB} GiB · Node ${m.node} · PostgreSQL ${m.postgres} · ${report.date}`,
  );
  console.log(`${report.settings.connections} connections, ${report.settings.runs} × ${report.settings.seconds} s per row\n`);
  console.log(renderTable(report));
  console.log('');
  console.log(renderTargets(report));
}
