// Imported first by run.ts: the app is measured as it runs in production (the Docker image sets the same), where
// graphql-js skips its development-only checks, which cost about a third of a request's CPU here.
process.env.NODE_ENV ??= 'production';
