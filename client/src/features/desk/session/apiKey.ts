// The desk's session store: the key itself is kept in lib/apiKey.ts, where the Apollo link and the detail panel's
// edit controls read it too (lib/ may not import a feature).
export { forgetApiKey, readApiKey, saveApiKey, subscribeApiKey, useApiKey } from '../../../lib/apiKey';
