import paletteCss from '@/components/snippets/palette.css?inline';
import { t } from '@/utils/i18n';
import type { FeatureEnv } from '@/utils/runtime/feature';
import { createShadowHost } from '@/utils/ui/shadow-host';

/**
 * A small "话术" button at the reply box's top-right corner that opens the palette; follows the box as the page
 * lays out, and hides while the page shows no box. Returns its host, for the feature's cleanup to remove.
 */
export function createBoxButton(env: FeatureEnv, onClick: () => void): HTMLElement {
  const { host, container } = createShadowHost('xiaoer-snippet-button', paletteCss);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'box-button';
  button.textContent = t('paletteButton');
  button.title = t('paletteButtonTitle', env.settings().snippets.trigger);
  // Pressing it must not take the focus (and the caret) out of the reply box.
  button.addEventListener('mousedown', (e) => e.preventDefault());
  button.addEventListener('click', env.guard(onClick));
  container.append(button);
  document.body.append(host);
  const followBox = () => {
    const box = env.parts.first('replyInput')?.getBoundingClientRect();
    host.style.display = box && box.width ? '' : 'none';
    if (!box) return;
    button.style.top = `${box.top + 4}px`;
    button.style.left = `${box.right - button.offsetWidth - 8}px`;
  };
  followBox();
  env.onDomChange(followBox);
  addEventListener('resize', env.guard(followBox), { signal: env.signal });
  addEventListener('scroll', env.guard(followBox), { capture: true, passive: true, signal: env.signal });
  return host;
}
