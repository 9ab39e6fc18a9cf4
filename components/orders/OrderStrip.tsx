import type { AddressCheck } from '@/utils/address/address-check';
import { maskPhone } from '@/utils/address/mask-phone';
import { t } from '@/utils/i18n';
import type { TimeLeft } from '@/utils/orders/unpaid-deadline';

export interface OrderStripProps {
  orderId: string;
  /** Paid, not shipped: the receiver must be verified with the buyer. */
  address: { check: AddressCheck; name?: string; phone?: string; state: 'unverified' | 'changed' | 'verified' } | null;
  unpaid: TimeLeft | null;
  cod: boolean;
  nonstandardRemark: boolean;
  /** In the chat workbench the messages can go straight into the reply box. */
  canInsert: boolean;
  /** The remark composer is on (settings → 订单备注). */
  canCompose: boolean;
  onInsertVerify: () => void;
  onVerify: () => void;
  onInsertPayReminder: () => void;
  onInsertCod: () => void;
  onCompose: () => void;
}

/** Xiaoer's strip under one order: address check, unpaid countdown, COD notice, remark composer, remark audit. */
export function OrderStrip(props: OrderStripProps) {
  const { address, unpaid } = props;
  return (
    <div class="strip" data-order={props.orderId}>
      {address && address.state !== 'verified' && (
        <div class="address" data-state={address.state} data-testid="address-card">
          <div class="head">
            <strong>{t('orderVerifyTitle')}</strong>
            {address.state === 'changed' && <span class="changed">{t('orderAddressChanged')}</span>}
          </div>
          <div class="receiver">
            <span>{address.name ?? address.check.parsed.name ?? ''}</span>
            <span class="mono">{maskPhone(address.phone ?? address.check.parsed.phone ?? '')}</span>
          </div>
          <div class="levels">
            {[address.check.parsed.province, address.check.parsed.city, address.check.parsed.district].map((level, i) => (
              <span key={i} class={level ? 'level' : 'level missing'}>{level ?? '？'}</span>
            ))}
            <span class="detail">{address.check.parsed.detail}</span>
          </div>
          {address.check.problems.length > 0 && (
            <ul class="problems" data-testid="address-problems">
              {address.check.problems.map((problem, i) => (
                <li key={i} data-kind={problem.kind}>{problem.kind === 'masked' ? t('addressMasked') : problem.message}</li>
              ))}
            </ul>
          )}
          <div class="actions">
            {props.canInsert && (
              <button type="button" name="insert-verify" onClick={props.onInsertVerify}>{t('orderInsertVerify')}</button>
            )}
            <button type="button" class="primary" name="mark-verified" onClick={props.onVerify}>{t('orderMarkVerified')}</button>
          </div>
        </div>
      )}
      <div class="chips">
        {address?.state === 'verified' && <span class="chip ok" data-testid="verified-chip">{t('orderVerified')}</span>}
        {unpaid && (
          <span class={`chip ${unpaid.expired || unpaid.urgent ? 'urgent' : ''}`} data-testid="unpaid-chip">
            {t('orderUnpaid', unpaid.label)}
            {props.canInsert && !unpaid.expired && (
              <button type="button" name="insert-pay-reminder" onClick={props.onInsertPayReminder}>{t('orderPayReminder')}</button>
            )}
          </span>
        )}
        {props.cod && (
          <span class="chip cod" data-testid="cod-chip">
            {t('orderCod')}
            {props.canInsert && <button type="button" name="insert-cod" onClick={props.onInsertCod}>{t('orderCodInsert')}</button>}
          </span>
        )}
        {props.nonstandardRemark && <span class="chip warn" data-testid="nonstandard-remark">{t('orderNonstandardRemark')}</span>}
        {props.canCompose && (
          <button type="button" class="compose" name="compose-remark" onClick={props.onCompose}>{t('orderCompose')}</button>
        )}
      </div>
    </div>
  );
}
