// The demo shop on this page: data.js's shop as of the demo's "now". The server that serves the page writes that
// moment into <html data-demo-now> (when it started, or the instant a test asked for); a page opened some other way
// takes its own load time. Orders and chats lead up to it, so the shop is live on any day.
import { shopAt, latestOrderOf } from './data.js';

export const DEMO_NOW = Number(document.documentElement.dataset.demoNow) || Date.now();

export const { orders, conversations } = shopAt(DEMO_NOW);

/** Newest order of a buyer, or null. */
export const latestOrder = (nick) => latestOrderOf(orders, nick);
