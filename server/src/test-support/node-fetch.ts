// node-fetch 3 is ESM-only, and jest's CommonJS runtime cannot require it (Node itself can, from 20.19). Citation.js
// requires it only to fetch remote inputs, which the export never gives it: under jest it gets Node's own fetch.
export default globalThis.fetch;
export const Headers = globalThis.Headers;
export const Request = globalThis.Request;
export const Response = globalThis.Response;
