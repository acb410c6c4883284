// A CSS module in jsdom: each class name maps to itself (styles.panel === 'panel'), as identity-obj-proxy does.
module.exports = new Proxy({}, { get: (_target, key) => (key === '__esModule' ? false : key) });
