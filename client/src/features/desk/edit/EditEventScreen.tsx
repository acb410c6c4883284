// /desk/events/ID/edit: the edit form for one event (being built).
export default function EditEventScreen({ eventId }: { eventId: string }) {
  return (
    <section aria-labelledby="desk-screen-title">
      <h2 id="desk-screen-title">Edit event</h2>
      <p>Editing {eventId} is not built yet.</p>
    </section>
  );
}
