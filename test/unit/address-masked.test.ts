import { describe, expect, it } from 'vitest';
import { checkReceiver } from '@/utils/address/address-check';
import { isMaskedReceiver } from '@/utils/address/masked-receiver';
import { orderStage } from '@/utils/orders/order-status';

const SECRET = '5a'.repeat(32); // an install's secret (utils/privacy)

describe('masked receivers', () => {
  it('a receiver the console masks is "masked, open it to check", never a phone or address error', async () => {
    const check = await checkReceiver({ address: '王**，138****1234，陕西省安康市紫阳县**********' }, SECRET);
    expect(check.problems).toEqual([{ kind: 'masked', message: '已打码，打开后再核对' }]);
    const jd = await checkReceiver({ name: '王**', phone: '138****1234', address: '陕西安康市紫阳县**********' }, SECRET);
    expect(jd.problems.map((p) => p.kind)).toEqual(['masked']);
  });

  it('an open receiver is still checked', async () => {
    expect(isMaskedReceiver({ name: '王小明', phone: '13812341234', address: '浙江省杭州市西湖区文三路100号' })).toBe(false);
    const check = await checkReceiver({ name: '王小明', phone: '1381234', address: '浙江省杭州市西湖区文三路100号' }, SECRET);
    expect(check.problems.map((p) => p.kind)).toContain('phone-invalid');
  });

  it('JD reads a paid order as 等待出库', () => {
    expect(orderStage('等待出库')).toBe('paid');
  });
});
