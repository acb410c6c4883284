// The little of Citation.js (@citation-js/core, which ships no types) that the export uses.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: Array<Record<string, unknown>>;
    format(format: 'bibtex' | 'biblatex' | 'data', options?: Record<string, unknown>): string;
    format(format: 'bibliography' | 'citation', options?: { format?: 'text' | 'html'; template?: string; lang?: string }): string;
  }
  export const plugins: { config: { get(name: string): Record<string, Record<string, unknown>> } };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
