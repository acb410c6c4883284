// /desk/new?kind=KIND[&from=ID]: create an event, or duplicate one as new (being built).
export default function NewEventScreen({ kind, from }: { kind: string | null; from: string | null }) {
  return (
    <section aria-labelledby="desk-screen-title">
      <h2 id="desk-screen-title">New event</h2>
      <p>
        Creating {kind ?? 'an event'}
        {from ? ` from ${from}` : ''} is not built yet.
      </p>
    </section>
  );
}
