// The widget as a host embeds it (README "Embedding in a host page"), polling off.
import init, { mount } from '/dist/contact-history.js';

const query = new URLSearchParams(location.search);
const exports = await init();
const widget = mount(document.getElementById('mount'), {
  candidateId: query.get('candidate'),
  apiBase: '/api/v1',
  pageSize: Number(query.get('pageSize') ?? 1000),
  pollIntervalMs: 0,
});
window.__app = {
  name: 'widget',
  refresh: () => widget.refresh(),
  wasmBytes: () => exports.memory.buffer.byteLength,
};
