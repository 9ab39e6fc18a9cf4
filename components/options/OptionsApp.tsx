import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { t, type MessageKey } from '@/utils/i18n';
import { AboutSection } from './AboutSection';
import { AdaptersSection } from './AdaptersSection';
import { LogSection } from './LogSection';
import { StockSection } from './stock/StockSection';
import { SnippetsSection } from './snippets/SnippetsSection';
import { OrdersSection } from './orders/OrdersSection';
import { PacksSection } from './packs/PacksSection';
import { ClockSection } from './clock/ClockSection';
import { UpgradedNotice } from './UpgradedNotice';

/** Sections of the options page; the feature issues fill stock, snippets and orders. */
const SECTIONS: { id: string; title: MessageKey; body: ComponentType | null }[] = [
  { id: 'stock', title: 'section_stock', body: StockSection },
  { id: 'snippets', title: 'section_snippets', body: SnippetsSection },
  { id: 'packs', title: 'section_packs', body: PacksSection },
  { id: 'orders', title: 'section_orders', body: OrdersSection },
  { id: 'clock', title: 'section_clock', body: ClockSection },
  { id: 'adapters', title: 'section_adapters', body: AdaptersSection },
  { id: 'log', title: 'section_log', body: LogSection },
  { id: 'about', title: 'section_about', body: AboutSection },
];

function sectionFromHash(): string {
  const id = location.hash.slice(1);
  return SECTIONS.some((s) => s.id === id) ? id : SECTIONS[0]!.id;
}

export function OptionsApp() {
  const [current, setCurrent] = useState(sectionFromHash);
  useEffect(() => {
    const onHash = () => setCurrent(sectionFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const section = SECTIONS.find((s) => s.id === current)!;
  const Body = section.body;
  return (
    <div class="options">
      <nav>
        <h1>{t('optionsTitle')}</h1>
        {SECTIONS.map((s) => (
          <a key={s.id} href={`#${s.id}`} aria-current={s.id === current ? 'page' : undefined}>
            {t(s.title)}
          </a>
        ))}
      </nav>
      <main data-section={section.id}>
        <UpgradedNotice />
        <h2 class="section-title">{t(section.title)}</h2>
        {Body ? <Body /> : <p class="muted">{t('sectionComingSoon')}</p>}
      </main>
    </div>
  );
}
