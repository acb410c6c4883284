// A field's problems under it, linked to the control by id (aria-describedby) so a screen reader reads them with it.
export const errorIdFor = (path: string) => `error-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

export function FieldError({ path, messages }: { path: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <p id={errorIdFor(path)} className="desk-field-error" data-field-error={path}>
      {messages.join(' · ')}
    </p>
  );
}

/** Props that tie a control to its problems. */
export function describedBy(path: string, messages: string[] | undefined, help?: string) {
  const ids = [help, messages?.length ? errorIdFor(path) : undefined].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': messages?.length ? true : undefined } as const;
}
