import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { appendRemark, DEFAULT_REMARK_FLAG, formatRemark, REMARK_FLAGS, type RemarkJoin } from '@/utils/orders/remark-format';
import { clock } from '@/utils/clock';

export interface RemarkComposerProps {
  orderId: string;
  reasons: string[];
  template: string;
  agentId: string;
  /** The order's remark as the page shows it now, kept in front of the new line. */
  existing: string;
  /** The longest remark the console keeps (the adapter's `remarkMaxLength`, else 500). */
  maxLength: number;
  /** How the new line joins the existing remark (settings). */
  join: RemarkJoin;
  /** The console's remark editor is unknown: the button copies the remark for the agent to paste. */
  copiesInstead?: boolean;
  /** Writes into the page's remark editor of THIS order; resolves to what happened, for the agent to read. */
  onWrite: (remark: { flag: number; reason: string; text: string; line: string; existing: string }) => Promise<{ ok: boolean; message: string }>;
  onClose: () => void;
}

/** Composes a remark in the shop's standard form for one order, and writes it only into that order's editor. */
export function RemarkComposer({ orderId, reasons, template, agentId, existing, maxLength, join, copiesInstead, onWrite, onClose }: RemarkComposerProps) {
  const [flag, setFlag] = useState<number>(DEFAULT_REMARK_FLAG);
  const [reason, setReason] = useState(reasons[0] ?? '其他');
  const [detail, setDetail] = useState('');
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const line = formatRemark(template, { reason, detail, agentId, at: clock.date() });
  const combined = appendRemark(existing, line, maxLength, join);
  return (
    <form
      class="composer"
      data-testid="remark-composer"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setResult(await onWrite({ flag, reason, text: combined.text, line, existing }));
        setBusy(false);
      }}
    >
      <div class="head">
        <strong>{t('orderComposeFor', orderId)}</strong>
        <button type="button" class="close" aria-label={t('stockDetailClose')} onClick={onClose}>×</button>
      </div>
      <div class="flags" role="radiogroup" aria-label={t('orderFlag')}>
        {REMARK_FLAGS.map((f) => (
          <label key={f.value} class={`flag flag-${f.name}`}>
            <input type="radio" name="flag" value={f.value} checked={flag === f.value} onChange={() => setFlag(f.value)} />
            {f.zh}
          </label>
        ))}
      </div>
      <label>
        <span>{t('orderReason')}</span>
        <select name="reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
          {reasons.map((r) => (
            <option key={r} value={r}>{r}</option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('orderDetail')}</span>
        <textarea name="detail" rows={2} maxLength={400} value={detail} onInput={(e) => setDetail(e.currentTarget.value)} />
      </label>
      {/* The remark as it will be: what the order has, kept, and the new line. */}
      <div class="preview" data-testid="remark-preview">{combined.text}</div>
      {combined.truncated && <p class="error" data-testid="remark-too-long">{t('orderRemarkTooLong', [String(combined.text.length), String(maxLength)])}</p>}
      <div class="actions">
        <button type="submit" class="primary" name="write-remark" disabled={busy || combined.truncated || !agentId}>
          {copiesInstead ? t('orderCopyRemark') : t('orderWriteRemark')}
        </button>
        {!agentId && <span class="error">{t('orderNeedAgentId')}</span>}
      </div>
      {result && (
        <p class={result.ok ? 'ok' : 'error'} role={result.ok ? 'status' : 'alert'} data-testid="remark-result">
          {result.message}
        </p>
      )}
    </form>
  );
}
