import paletteCss from '@/components/snippets/palette.css?inline';
import { t } from '@/utils/i18n';
import type { Feature } from '@/utils/runtime/feature';
import type { ReplyBox } from '@/utils/snippets/insert-text';
import { findToneIssues } from '@/utils/snippets/tone';
import { placePanel } from '@/utils/ui/placement';
import { createShadowHost } from '@/utils/ui/shadow-host';

/** While the agent types, phrases to avoid (blame-shifting, flat refusals) are pointed out with a better wording. */
export const toneHint: Feature = {
  id: 'tone-hint',
  toggle: 'snippets',
  needs: { chat: ['replyInput'] },
  start(env) {
    const { host, container } = createShadowHost(
      'xiaoer-tone-hint',
      `${paletteCss}
      .tone { position: fixed; z-index: 2147483001; max-width: 420px; padding: 6px 10px; border-radius: 6px;
        background: #fff9db; border: 1px solid #ffe066; font: 12px/1.5 system-ui, 'Noto Sans CJK SC', sans-serif; color: #5c3c00; }
      .tone b { color: #c92a2a; }`,
    );
    const panel = document.createElement('div');
    panel.className = 'tone';
    panel.setAttribute('role', 'status');
    container.append(panel);

    const check = (box: ReplyBox) => {
      const { toneCheck, avoidRules } = env.settings().snippets;
      const text = 'value' in box ? box.value : box.innerText;
      const hits = toneCheck ? findToneIssues(text, avoidRules) : [];
      if (!hits.length) return host.remove();
      panel.replaceChildren(
        ...hits.slice(0, 3).map((hit) => {
          const line = document.createElement('div');
          const phrase = document.createElement('b');
          phrase.textContent = t('toneHint', hit.rule.phrase);
          line.append(phrase);
          if (hit.rule.suggestion) line.append(' ', t('toneSuggestion', hit.rule.suggestion));
          return line;
        }),
      );
      if (!host.isConnected) document.body.append(host);
      placePanel(panel, box, 'above');
    };
    document.addEventListener(
      'input',
      // Guarded: the browser calls it, an error must stop the hint alone and reach the log.
      env.guard((event: Event) => {
        if (event.target instanceof HTMLElement && env.parts.is('replyInput', event.target)) check(event.target as ReplyBox);
      }),
      { capture: true, signal: env.signal },
    );
    // Sent or cleared: the box empties without an input event from the agent.
    env.onDomChange(() => {
      const box = env.parts.first('replyInput') as ReplyBox | null;
      if (host.isConnected && box) check(box);
    });
    return () => host.remove();
  },
};
