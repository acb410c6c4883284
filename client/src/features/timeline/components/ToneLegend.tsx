// The key to the timeline's colours: tone runs from conflict to cooperation.
import styles from './ToneLegend.module.css';

const SWATCHES = ['tone-conflict tone-strong', 'tone-conflict', 'tone-neutral', 'tone-cooperation', 'tone-cooperation tone-strong'];

export function ToneLegend() {
  return (
    <figure className={styles.legend} aria-label="Colour key: tone from conflict to cooperation">
      <span>Conflict</span>
      <span className={styles.swatches} aria-hidden="true">
        {SWATCHES.map((tone) => (
          <span key={tone} className={`${styles.swatch} ${tone}`} />
        ))}
      </span>
      <span>Cooperation</span>
    </figure>
  );
}
