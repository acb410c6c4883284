// Per-request values (DataLoaders) for modules that are not in the shared context: keyed on the request's context
// object, so they live exactly as long as the request and a module can add one without touching common/context.ts.
const scoped = new WeakMap<object, Map<string, unknown>>();

export function requestScoped<T>(context: object, name: string, create: () => T): T {
  let values = scoped.get(context);
  if (!values) scoped.set(context, (values = new Map()));
  if (!values.has(name)) values.set(name, create());
  return values.get(name) as T;
}
