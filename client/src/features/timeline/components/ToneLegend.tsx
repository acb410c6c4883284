// The key to the timeline's colours: tone runs from conflict to cooperation.
export function ToneLegend() {
  return (
    <figure className="tone-legend" aria-label="Colour key: tone from conflict to cooperation">
      <span className="tone-legend__end">Conflict</span>
      <span className="tone-legend__swatches" aria-hidden="true">
        <span className="swatch tone-conflict tone-strong" />
        <span className="swatch tone-conflict" />
        <span className="swatch tone-neutral" />
        <span className="swatch tone-cooperation" />
        <span className="swatch tone-cooperation tone-strong" />
      </span>
      <span className="tone-legend__end">Cooperation</span>
    </figure>
  );
}
