import { findScript, readEmbedOptions } from './embed-options.js';
import { startWidget } from './widget.js';

// Read while the script runs: document.currentScript is null afterwards.
const options = readEmbedOptions(findScript(document));

if (typeof options === 'string') {
  console.error(`Parley: ${options}`);
} else if (document.body) {
  void startWidget(options);
} else {
  document.addEventListener('DOMContentLoaded', () => void startWidget(options), { once: true });
}
