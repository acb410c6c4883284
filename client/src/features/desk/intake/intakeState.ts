// What the intake screen keeps across errors and reloads: the article as pasted, the API's drafts, and what the
// editor decided for each draft (by its position in the drafts).
import type { ArticleFields } from './ArticleForm';
import type { ArticleDraftsResult } from './intake.queries';
import type { WrittenEvent } from './intakeActions';

export type DraftDecision =
  | { status: 'open' }
  | { status: 'dismissed' }
  | { status: 'cited'; event: WrittenEvent; alreadyCited: boolean }
  | { status: 'created'; event: WrittenEvent };

export interface IntakeState {
  article: ArticleFields;
  /** The drafts, and the article facts they were drafted with (the citation uses those, not later edits). */
  result: { drafts: ArticleDraftsResult; article: ArticleFields } | null;
  decisions: Record<number, DraftDecision>;
  /** The draft whose create form is open (one at a time: the form's field ids are the page's own). */
  openForm: number | null;
}

export const INTAKE_STORAGE_KEY = 'detente.desk.intake';
