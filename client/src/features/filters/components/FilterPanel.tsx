// The filters beside the timeline: text search, date presets, kinds with counts, direction,
// actors (autocomplete) and tags. Every change goes to the URL through onChange.
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Direction, EventKind } from '@detente/shared/enums';
import { KIND_APPEARANCE, KIND_ORDER } from '../../../domain/eventKinds';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { hasActiveFilters, toEventFilter, type EventFilters } from '../../../lib/urlState';
import type { TimelineEvent } from '../../../graphql/timelineEvent.queries';
import { ACTOR_NAME_QUERY, ACTOR_SEARCH_QUERY, KIND_COUNTS_QUERY, TAGS_QUERY, type ActorOption } from '../api/filters.queries';
import { sumByKind } from '../utils/highlights';
import { DATE_PRESETS, type DatePreset } from '../utils/presets';
import { PeriodPicker } from './PeriodPicker';
import { SkeletonLines } from '../../../components/Placeholders';
import ui from '../../../components/ui.module.css';
import styles from './FilterPanel.module.css';
import { SUPERSEDES_PREVIOUS } from '../../../lib/apollo';

// The ranked hits and their snippets load with the first search: most visits never search, and the timeline
// page's first JavaScript stays within its budget (client/e2e/initial-js-budget.test.ts).
const SearchResults = lazy(() => import('./SearchResults').then((module) => ({ default: module.SearchResults })));

export interface FilterPanelProps {
  filters: EventFilters;
  dataRange: { from: string; to: string } | null;
  onChange: (patch: Partial<EventFilters>) => void;
  onClear: () => void;
  onPreset: (preset: DatePreset) => void;
  /** The first and last day in view. */
  period: { from: string; to: string } | null;
  /** A period chosen by dates or by year. */
  onPeriod: (from: string, to: string) => void;
  onJump: (event: TimelineEvent) => void;
}

const numberFormat = new Intl.NumberFormat('en');

export const DIRECTION_OPTIONS: ReadonlyArray<{ value: Direction; label: string }> = [
  { value: Direction.US_TO_RU, label: 'US → Russia' },
  { value: Direction.RU_TO_US, label: 'Russia → US' },
  { value: Direction.MUTUAL, label: 'Mutual' },
  { value: Direction.DOMESTIC_US, label: 'US, domestic' },
  { value: Direction.DOMESTIC_RU, label: 'Russia, domestic' },
];

/** Tags shown before "More tags". */
const TOP_TAGS = 12;

function toggle<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((other) => other !== value) : [...values, value];
}

export function FilterPanel({ filters, dataRange, onChange, onClear, onPreset, onJump, period, onPeriod }: FilterPanelProps) {
  return (
    <div className={styles.panel}>
      <SearchBox value={filters.search} onSearch={(search) => onChange({ search })} />
      {filters.search.trim() && (
        <Suspense fallback={<SkeletonLines count={3} />}>
          <SearchResults filter={toEventFilter(filters)} onJump={onJump} onShowAll={onPeriod} />
        </Suspense>
      )}

      <fieldset className={styles.group}>
        <legend>Period</legend>
        <div className={ui.chipRow}>
          {DATE_PRESETS.map((preset) => (
            <button key={preset.id} type="button" className={`${ui.chip} ${ui.chipButton}`} onClick={() => onPreset(preset)}>
              {preset.label}
            </button>
          ))}
        </div>
        <PeriodPicker dataRange={dataRange} period={period} onPeriod={onPeriod} />
      </fieldset>

      <KindFilter filters={filters} dataRange={dataRange} onChange={onChange} />

      <fieldset className={styles.group}>
        <legend>Who acted</legend>
        {DIRECTION_OPTIONS.map((option) => (
          <label key={option.value} className={styles.check}>
            <input
              type="checkbox"
              checked={filters.directions.includes(option.value)}
              onChange={() => onChange({ directions: toggle(filters.directions, option.value) })}
            />
            {option.label}
          </label>
        ))}
      </fieldset>

      <ActorFilter actorIds={filters.actorIds} onChange={(actorIds) => onChange({ actorIds })} />
      <TagFilter filters={filters} onChange={(tags) => onChange({ tags })} />

      {hasActiveFilters(filters) && (
        <button type="button" className={`${ui.button} ${ui.quiet}`} onClick={onClear}>
          Clear all filters
        </button>
      )}
    </div>
  );
}

function SearchBox({ value, onSearch }: { value: string; onSearch: (value: string) => void }) {
  const [draft, setDraft] = useState(value);
  const inputId = useId();
  // The URL (back/forward, a chip elsewhere) may change the search: follow it.
  useEffect(() => setDraft(value), [value]);
  // Typing searches after a pause; Enter searches at once.
  useEffect(() => {
    if (draft.trim() === value.trim()) return;
    const timer = setTimeout(() => onSearch(draft.trim()), 450);
    return () => clearTimeout(timer);
  }, [draft, value, onSearch]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft.trim());
  };
  return (
    <form role="search" className={styles.searchBox} onSubmit={submit}>
      <label htmlFor={inputId}>Search events</label>
      <div className={styles.searchRow}>
        <input
          id={inputId}
          type="search"
          value={draft}
          placeholder="Ryabkov, Рябков, “entry ban” or visas"
          onChange={(event) => setDraft(event.target.value)}
          maxLength={200}
        />
        <button type="submit" className={ui.button}>
          Search
        </button>
      </div>
    </form>
  );
}

function KindFilter({ filters, dataRange, onChange }: Pick<FilterPanelProps, 'filters' | 'dataRange' | 'onChange'>) {
  // Counts under every other filter, so each number says what ticking that box would add.
  const { data, error, refetch } = useQuery(KIND_COUNTS_QUERY, {
    variables: { from: dataRange?.from ?? '', to: dataRange?.to ?? '', filter: toEventFilter(filters, ['kinds']) },
    skip: !dataRange,
    context: SUPERSEDES_PREVIOUS,
  });
  const totals = useMemo(() => (data ? sumByKind(data.eventCounts) : null), [data]);
  return (
    <fieldset className={styles.group}>
      <legend>Kinds</legend>
      {KIND_ORDER.map((kind: EventKind) => (
        <label key={kind} className={styles.check}>
          <input type="checkbox" checked={filters.kinds.includes(kind)} onChange={() => onChange({ kinds: toggle(filters.kinds, kind) })} />
          <span aria-hidden="true" className={styles.checkIcon}>
            {KIND_APPEARANCE[kind].icon}
          </span>
          {KIND_APPEARANCE[kind].lane}
          <span className={ui.count} data-testid={`kind-count-${kind}`}>
            {totals ? numberFormat.format(totals.get(kind) ?? 0) : ''}
          </span>
        </label>
      ))}
      {error && <ErrorMessage what="the counts" error={error} onRetry={() => void refetch()} />}
    </fieldset>
  );
}

function ActorChip({ id, onRemove }: { id: string; onRemove: () => void }) {
  const { data } = useQuery(ACTOR_NAME_QUERY, { variables: { id } });
  const name = data?.actor?.name ?? 'Actor';
  return (
    <li className={ui.chip}>
      {name}
      <button type="button" className={ui.chipRemove} onClick={onRemove} aria-label={`Remove ${name} from the filter`}>
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}

function ActorFilter({ actorIds, onChange }: { actorIds: string[]; onChange: (actorIds: string[]) => void }) {
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputId = useId();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const { data, loading, error } = useQuery(ACTOR_SEARCH_QUERY, {
    variables: { search: debounced },
    skip: debounced.length < 2,
    context: SUPERSEDES_PREVIOUS,
  });
  const options: ActorOption[] = debounced.length >= 2 ? (data?.actors.nodes ?? []).filter((actor) => !actorIds.includes(actor.id)) : [];
  const expanded = open && options.length > 0;

  const choose = (actor: ActorOption) => {
    onChange([...actorIds, actor.id]);
    setText('');
    setOpen(false);
    inputRef.current?.focus();
  };

  return (
    <fieldset className={styles.group}>
      <legend>Actors</legend>
      {actorIds.length > 0 && (
        <ul className={ui.chipRow} aria-label="Chosen actors">
          {actorIds.map((id) => (
            <ActorChip key={id} id={id} onRemove={() => onChange(actorIds.filter((other) => other !== id))} />
          ))}
        </ul>
      )}
      <div className={styles.combobox}>
        <label htmlFor={inputId} className="visually-hidden">
          Find an actor
        </label>
        <input
          id={inputId}
          ref={inputRef}
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
          placeholder="Find a person or body"
          value={text}
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(event) => {
            if (!expanded) return;
            if (event.key === 'ArrowDown') setActive((index) => (index + 1) % options.length);
            else if (event.key === 'ArrowUp') setActive((index) => (index - 1 + options.length) % options.length);
            else if (event.key === 'Enter') choose(options[Math.min(active, options.length - 1)]);
            else if (event.key === 'Escape') setOpen(false);
            else return;
            event.preventDefault();
            event.stopPropagation();
          }}
        />
        <ul id={listId} role="listbox" className={styles.comboList} hidden={!expanded} aria-label="Matching actors">
          {options.map((actor, index) => (
            <li
              key={actor.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={styles.comboOption}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(actor)}
            >
              <span>{actor.name}</span>
              {actor.title && <span className={ui.muted}> · {actor.title}</span>}
            </li>
          ))}
        </ul>
        {open && debounced.length >= 2 && !loading && !error && options.length === 0 && (
          <p className={`${ui.muted} ${styles.comboEmpty}`}>No actor matches “{debounced}”.</p>
        )}
        {error && <ErrorMessage what="matching actors" error={error} />}
      </div>
    </fieldset>
  );
}

function TagFilter({ filters, onChange }: { filters: EventFilters; onChange: (tags: string[]) => void }) {
  const [showAll, setShowAll] = useState(false);
  const { data, loading, error, refetch } = useQuery(TAGS_QUERY, {
    variables: { filter: toEventFilter(filters, ['tags']) },
    context: SUPERSEDES_PREVIOUS,
  });
  const previous = useRef(data);
  if (data) previous.current = data;
  const tags = (data ?? previous.current)?.tags ?? [];
  // Chosen tags stay visible even when the other filters leave them no events.
  const chosenMissing = filters.tags.filter((tag) => !tags.some((entry) => entry.tag === tag)).map((tag) => ({ tag, count: 0 }));
  const all = [...tags, ...chosenMissing];
  const shown = showAll ? all : all.filter((entry, index) => index < TOP_TAGS || filters.tags.includes(entry.tag));
  return (
    <fieldset className={styles.group}>
      <legend>Tags</legend>
      {loading && all.length === 0 && <SkeletonLines count={2} />}
      {error && <ErrorMessage what="the tags" error={error} onRetry={() => void refetch()} />}
      <div className={ui.chipRow}>
        {shown.map(({ tag, count }) => (
          <button
            key={tag}
            type="button"
            className={`${ui.chip} ${ui.chipButton}`}
            aria-pressed={filters.tags.includes(tag)}
            onClick={() => onChange(toggle(filters.tags, tag))}
          >
            {tag} <span className={ui.count}>{numberFormat.format(count)}</span>
          </button>
        ))}
      </div>
      {all.length > TOP_TAGS && (
        <button type="button" className={`${ui.button} ${ui.quiet}`} onClick={() => setShowAll((value) => !value)} aria-expanded={showAll}>
          {showAll ? 'Fewer tags' : `All ${all.length} tags`}
        </button>
      )}
    </fieldset>
  );
}
