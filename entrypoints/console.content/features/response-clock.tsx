import { render } from 'preact';
import { WaitBar } from '@/components/clock/WaitBar';
import badgeCss from '@/components/clock/wait-badge.css?inline';
import barCss from '@/components/clock/wait-bar.css?inline';
import type { PageParts } from '@/utils/adapters/page-parts';
import { t } from '@/utils/i18n';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { buyerKey } from '@/utils/response-clock/buyer-key';
import { installSecret } from '@/utils/privacy/install-secret';
import type { WaitState } from '@/utils/response-clock/clock-store';
import { openBuyer, readConversationList, readOpenConversation, type ListEntry } from '@/utils/response-clock/read-chat';
import type { Observation } from '@/utils/response-clock/reconcile';
import { formatWait, waitTone } from '@/utils/response-clock/wait-tone';
import type { Feature, FeatureEnv } from '@/utils/runtime/feature';
import { oneAtATime } from '@/utils/runtime/one-at-a-time';
import { retry } from '@/utils/runtime/retry';
import { createShadowHost } from '@/utils/ui/shadow-host';
import { playQuietTone } from '@/utils/response-clock/quiet-tone';
import { clock } from '@/utils/clock';

const TICK_MS = 1000;
/** Conversations per message to the worker (its limit is 500). */
const BATCH = 200;
/** A snippet inserted and not sent within this long no longer marks the next reply as sent with a snippet. */
const SNIPPET_REPLY_WINDOW_MS = 10 * 60_000;
/** Requests to the worker are tried again for a few seconds while it (re)starts. */
const WHILE_WORKER_RESTARTS = { tries: 10, delayMs: 400 };

/**
 * The response clock in the chat workbench: how long each waiting buyer has waited, in the conversation list and
 * above the reply box (amber at the target, red at the second threshold), the jump to the longest-waiting buyer,
 * and what the day figures need sent to the worker — hashed buyer keys and times, never names or text.
 */
export const responseClock: Feature = {
  id: 'response-clock',
  toggle: 'timer',
  needs: { chat: ['conversation', 'conversationBuyer'] },
  start(env) {
    return new ResponseClock(env, env.parts as PageParts<'chat'>).start();
  },
};

class ResponseClock {
  /** This install's secret for the buyer keys (asked for once). */
  private secret: Promise<string> | null = null;
  /** Buyer name → hashed key, in this tab's memory only. */
  private readonly keys = new Map<string, string>();
  /** What the worker says of each conversation's wait. */
  private readonly states = new Map<string, WaitState>();
  private readonly elementKeys = new WeakMap<Element, string>();
  /** Conversations already listed at the first look: not "appeared" later. */
  private readonly listedAtStart = new Set<string>();
  /** Conversations whose messages this tab has read. */
  private readonly lookedAt = new Set<string>();
  /** Per conversation, what was last sent to the worker: unchanged looks are not sent again. */
  private readonly lastSent = new Map<string, string>();
  /** Waits already reported overdue (key and start), so each sounds once. */
  private readonly overdueSent = new Set<string>();
  private started = false;
  /** The open conversation, with its count of agent messages at the last look (new ones are replies). */
  private open: { key: string; agentMessages: number } | null = null;
  /** A snippet inserted and not yet sent: the next reply in its conversation counts as sent with it. */
  private pendingSnippet: { key: string; id: string; at: number } | null = null;
  /** Observations go to the worker one message after another, in the order seen. */
  private outbox: Promise<unknown> = Promise.resolve();
  private bar: { host: HTMLElement; container: HTMLDivElement } | null = null;
  /** The conversation list at the last look. */
  private entries: (ListEntry & { key: string })[] = [];

  /** Reads the page; one scan at a time, and one more if the page changed meanwhile. */
  private readonly scan: () => Promise<void>;

  constructor(private readonly env: FeatureEnv, private readonly parts: PageParts<'chat'>) {
    this.scan = oneAtATime(() => this.read(), env);
  }

  async start() {
    const { env } = this;
    env.onDomChange(() => this.scan());
    env.onBroadcast('clock-jump', () => this.jump());
    env.onBroadcast('snippet-inserted', (id) => {
      if (this.open && typeof id === 'string') this.pendingSnippet = { key: this.open.key, id, at: clock.now() };
    });
    const timer = env.ctx.setInterval(env.guard(() => this.tick()), TICK_MS);
    await this.scan();
    return () => {
      clearInterval(timer);
      for (const entry of this.entries) entry.element.querySelector(':scope > xiaoer-wait')?.remove();
      this.entries = [];
      this.bar?.host.remove();
    };
  }

  private async keyOf(buyer: string): Promise<string> {
    let key = this.keys.get(buyer);
    if (!key) {
      // A failed ask is asked again at the next look, never cached.
      this.secret ??= retry(installSecret, { ...WHILE_WORKER_RESTARTS, signal: this.env.signal }).catch((error) => {
        this.secret = null;
        throw error;
      });
      this.keys.set(buyer, (key = await buyerKey(await this.secret, this.env.match.adapter.id, buyer)));
    }
    return key;
  }

  private async read(): Promise<void> {
    const at = clock.now();
    const list = readConversationList(this.parts, at);
    const entries = await Promise.all(list.map(async (entry) => ({ ...entry, key: await this.keyOf(entry.buyer) })));
    const openConv = readOpenConversation(this.parts, list.find((entry) => entry.active), at);
    const openKey = openConv ? await this.keyOf(openConv.buyer) : null;
    if (this.env.signal.aborted) return;
    for (const entry of entries) this.elementKeys.set(entry.element, entry.key);
    this.entries = entries;

    if (!this.started) {
      // The first look: ask the worker what it knows (a reload, a tab switch, another tab) before judging anything.
      const keys = [...new Set([...entries.map((entry) => entry.key), ...(openKey ? [openKey] : [])])];
      for (let i = 0; i < keys.length; i += BATCH) {
        const batch = keys.slice(i, i + BATCH);
        const known = await retry(() => sendToWorker({ type: 'clock.state', keys: batch }), { ...WHILE_WORKER_RESTARTS, signal: this.env.signal });
        for (const [key, state] of Object.entries(known)) this.states.set(key, state);
      }
      for (const entry of entries) this.listedAtStart.add(entry.key);
    }

    const observations = new Map<string, Observation>();
    for (const entry of entries) {
      const seen: Observation = { key: entry.key, waiting: entry.waiting, appeared: this.started && !this.listedAtStart.has(entry.key) };
      // A buyer already waiting at the tab's first look: at least since the last message the list shows.
      if (!this.started && entry.waiting && entry.lastAt != null) seen.pageSince = entry.lastAt;
      observations.set(entry.key, seen);
    }
    if (openConv && openKey && openConv.messages > 0) {
      const seen = observations.get(openKey) ?? { key: openKey, waiting: null };
      seen.waiting = openConv.waiting;
      seen.newBuyer = openConv.waiting && openConv.agentMessages === 0;
      const state = this.states.get(openKey);
      const firstLook = !this.lookedAt.has(openKey);
      this.lookedAt.add(openKey);
      // The page's time of the first unanswered message: on a first look (a reload), or to date a wait Xiaoer did
      // not see begin more closely than the list could.
      const sharper = state?.waitingSince != null && !state.counted && openConv.waitingSinceOnPage != null && openConv.waitingSinceOnPage < state.waitingSince;
      if ((firstLook || sharper) && openConv.waitingSinceOnPage != null) seen.pageSince = openConv.waitingSinceOnPage;
      // Replies: agent messages that appeared at the bottom while this conversation stayed open (not the history
      // shown on opening, nor older messages loaded above).
      if (this.open?.key === openKey && openConv.agentMessages > this.open.agentMessages && openConv.lastFromAgent) {
        seen.replies = Array.from({ length: openConv.agentMessages - this.open.agentMessages }, (_, i) => {
          const pending = this.pendingSnippet;
          const snippet = i === 0 && pending?.key === openKey && at - pending.at < SNIPPET_REPLY_WINDOW_MS ? pending.id : undefined;
          return snippet ? { snippetId: snippet } : {};
        });
        this.pendingSnippet = null;
      }
      if (openConv.newestOrderAt !== undefined) seen.orders = openConv.newestOrderAt != null ? { newestAt: openConv.newestOrderAt } : {};
      observations.set(openKey, seen);
      this.open = { key: openKey, agentMessages: openConv.agentMessages };
    } else if (!openConv) {
      this.open = null;
    }
    this.started = true;

    const changed = [...observations.values()].filter((seen) => {
      const signature = JSON.stringify([seen.waiting, seen.orders?.newestAt ?? (seen.orders ? 'none' : null)]);
      const send = !!seen.replies?.length || seen.pageSince != null || this.lastSent.get(seen.key) !== signature || (seen.waiting && !this.states.get(seen.key)?.waitingSince);
      this.lastSent.set(seen.key, signature);
      return send;
    });
    // Not awaited: the next look must not wait for a worker that is restarting (its moment is in `at` already).
    for (let i = 0; i < changed.length; i += BATCH) void this.send(changed.slice(i, i + BATCH), at).then(() => this.paint());
    this.paint();
  }

  /** Sends observations in order; retried while the worker restarts, so no look is lost. */
  private send(observations: Observation[], at: number): Promise<unknown> {
    this.outbox = this.outbox
      .then(async () => {
        const states = await retry(() => sendToWorker({ type: 'clock.observe', at, observations }), { ...WHILE_WORKER_RESTARTS, signal: this.env.signal });
        for (const [key, state] of Object.entries(states)) this.states.set(key, state);
      })
      .catch((error) => this.env.report(error));
    return this.outbox;
  }

  /** The buyers waiting now, of the conversations the list shows. */
  private waiting(): { key: string; since: number; newBuyer: boolean }[] {
    return [...this.states.entries()]
      .filter(([key, state]) => state.waitingSince != null && this.entries.some((entry) => entry.key === key))
      .map(([key, state]) => ({ key, since: state.waitingSince!, newBuyer: state.newBuyer }));
  }

  private tick(): void {
    this.paint();
    const { targetSeconds } = this.env.settings().clock;
    const now = clock.now();
    for (const wait of this.waiting()) {
      const id = `${wait.key}:${wait.since}`;
      if (now - wait.since < targetSeconds * 1000 || this.overdueSent.has(id)) continue;
      this.overdueSent.add(id);
      void sendToWorker({ type: 'clock.overdue', key: wait.key, waitingSince: wait.since })
        .then(({ alert }) => {
          if (alert && this.env.settings().clock.sound) playQuietTone();
        })
        .catch((error) => this.env.report(error));
    }
  }

  private paint(): void {
    // A worker answer can arrive after the feature stopped: nothing may be drawn then.
    if (this.env.signal.aborted) return;
    const now = clock.now();
    const thresholds = this.env.settings().clock;
    const units = { s: t('clockUnitS'), m: t('clockUnitM'), h: t('clockUnitH') };
    for (const entry of this.entries) {
      const state = this.states.get(entry.key);
      let host = entry.element.querySelector<HTMLElement>(':scope xiaoer-wait');
      if (!state?.waitingSince || !entry.element.isConnected) {
        host?.remove();
        continue;
      }
      if (!host) {
        const made = createShadowHost('xiaoer-wait', badgeCss);
        made.container.className = 'wait';
        host = made.host;
        entry.element.append(host);
      }
      const waited = now - state.waitingSince;
      const badge = host.shadowRoot!.querySelector('div')!;
      badge.className = `wait ${waitTone(waited, thresholds)}`;
      badge.dataset.tone = waitTone(waited, thresholds);
      badge.textContent = formatWait(waited, units) + (state.newBuyer ? ` ${t('clockFirstShort')}` : '');
      badge.title = state.newBuyer ? t('clockFirstMessage') : t('clockBuyerWaited');
    }
    this.paintBar(now, thresholds);
  }

  private paintBar(now: number, thresholds: { targetSeconds: number; redSeconds: number }): void {
    const input = this.parts.first('replyInput');
    if (!input?.parentElement) return;
    if (!this.bar || !this.bar.host.isConnected || this.bar.host.nextElementSibling !== input) {
      this.bar?.host.remove();
      const made = createShadowHost('xiaoer-wait-bar', barCss);
      input.before(made.host);
      this.bar = { host: made.host, container: made.container };
    }
    const openKey = this.open?.key;
    const current = openKey ? this.states.get(openKey) : undefined;
    const others = this.waiting().filter((wait) => wait.key !== openKey);
    const longest = others.length ? Math.min(...others.map((wait) => wait.since)) : null;
    render(
      <WaitBar
        current={current?.waitingSince ? { waitedMs: now - current.waitingSince, tone: waitTone(now - current.waitingSince, thresholds), newBuyer: current.newBuyer } : null}
        others={others.length}
        longestOtherMs={longest == null ? null : now - longest}
        onJump={() => this.jump()}
      />,
      this.bar.container,
    );
  }

  /**
   * Opens the conversation of the buyer who has waited longest, through the page's own list item. The open
   * conversation is the one the agent is answering already: the jump goes to the longest wait among the others.
   */
  private jump(): void {
    // The open conversation as the page shows it now: the last look can be a moment old (the agent has just clicked
    // another conversation, and the look that follows is still asking for its key), and the jump must not skip the
    // longest wait because it was open a moment ago.
    const list = readConversationList(this.parts);
    const buyerNow = openBuyer(this.parts, list.find((entry) => entry.active));
    const openKey = buyerNow ? this.keys.get(buyerNow) : this.open?.key;
    const [longest] = this.waiting().filter((wait) => wait.key !== openKey).sort((a, b) => a.since - b.since);
    if (!longest) return;
    const seen = this.entries.find((entry) => entry.key === longest.key);
    if (!seen) return;
    // The console may have drawn its list anew since the last look (a message arrived a moment ago): then the
    // buyer's item is found again in the list as it is now, by name, rather than clicking an element that is gone.
    const element = seen.element.isConnected ? seen.element : list.find((entry) => entry.buyer === seen.buyer)?.element;
    if (!element) return;
    element.scrollIntoView({ block: 'nearest' });
    (element as HTMLElement).click();
  }
}
