// Entry point: session reset, the chat script (if it was already running) and the router.
import { resetIfAsked } from './store.js';
import { resumeScript } from './chat-script.js';
import { startRouter } from './router.js';

window.__demoSent = window.__demoSent || []; // what the page's own send button sent (for tests)
resetIfAsked();
resumeScript();
startRouter(document.getElementById('qn-main'));
