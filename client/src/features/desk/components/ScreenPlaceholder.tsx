// A screen that another helper is still building: keeps the desk's routes compiling until the real one lands.
export function ScreenPlaceholder({ title, detail }: { title: string; detail?: string }) {
  return (
    <section aria-labelledby="desk-screen-title">
      <h2 id="desk-screen-title">{title}</h2>
      <p>{detail ?? 'This screen is not built yet.'}</p>
    </section>
  );
}
