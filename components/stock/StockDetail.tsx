import type { StockHit } from '@/utils/stock/stock-index';
import { t } from '@/utils/i18n';
import { describeAge } from './stock-badge';

export interface StockDetailProps {
  code: string;
  hit: StockHit | null;
  pageStock: number | null;
  now: number;
  onClose: () => void;
}

/** The detail behind a badge: per-warehouse stock, where it came from and when. All values render as text. */
export function StockDetail({ code, hit, pageStock, now, onClose }: StockDetailProps) {
  return (
    <div class="detail" role="dialog" aria-label={t('stockDetailTitle')}>
      <header>
        <strong>{t('stockDetailTitle')}</strong>
        <button type="button" class="close" aria-label={t('stockDetailClose')} onClick={onClose}>
          ×
        </button>
      </header>
      <dl>
        <dt>{t('stockDetailCode')}</dt>
        <dd class="mono">{code}</dd>
        {hit?.name && (
          <>
            <dt />
            <dd>{hit.name}</dd>
          </>
        )}
        {pageStock != null && (
          <>
            <dt>{t('stockDetailPage')}</dt>
            <dd>{pageStock}</dd>
          </>
        )}
      </dl>
      {hit ? (
        <>
          <dl>
            <dt>{t('stockDetailAvailable')}</dt>
            <dd class={`total ${pageStock != null && pageStock > hit.available ? 'mismatch' : ''}`}>{hit.available}</dd>
          </dl>
          <div class="label">{t('stockDetailWarehouses')}</div>
          <table>
            <tbody>
              {Object.entries(hit.warehouses).map(([warehouse, qty]) => (
                <tr key={warehouse}>
                  <td>{warehouse}</td>
                  <td class="num">{qty}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl>
            <dt>{t('stockDetailSource')}</dt>
            <dd>{hit.sourceName}</dd>
            <dt>{t('stockDetailSynced')}</dt>
            <dd>
              {new Date(hit.syncedAt).toLocaleString()} ({describeAge(now - hit.syncedAt)})
            </dd>
          </dl>
        </>
      ) : (
        <p class="none">{t('stockNoneTitle')}</p>
      )}
    </div>
  );
}
