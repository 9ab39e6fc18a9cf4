/**
 * A pattern that reads a part's value out of text carrying a label, e.g. `订单号：2024…` or `商家编码 SKU-1`: the label
 * anchors it, so the value is found even when the console puts more text around it. Null when the text is the value.
 */
const VALUE_SHAPES: Record<string, string> = {
  orderId: '(\\d{6,})',
  remarkDialogOrderId: '(\\d{6,})',
  pageStock: '(-?\\d+)',
  productStock: '(-?\\d+)',
  outerCode: '([A-Za-z0-9][\\w.-]*)',
  skuCode: '([A-Za-z0-9][\\w.-]*)',
  lineOuterCode: '([A-Za-z0-9][\\w.-]*)',
  lineSkuCode: '([A-Za-z0-9][\\w.-]*)',
  productCode: '([A-Za-z0-9][\\w.-]*)',
};

/** A label: a few non-digit characters before a colon (full- or half-width), or before a space and the value. */
const LABELLED = /^([^\d:：\s]{1,10})\s*([:：]\s*|\s+)(.+)$/u;

export function proposePattern(part: string, text: string): string | undefined {
  const clean = text.replace(/\s+/g, ' ').trim();
  const shape = VALUE_SHAPES[part];
  const labelled = LABELLED.exec(clean);
  if (labelled) {
    const label = escapeRegExp(labelled[1]!);
    const value = shape && new RegExp(shape, 'u').test(labelled[3]!) ? shape : '(.+)';
    return `${label}[:：]?\\s*${value}`;
  }
  if (!shape) return undefined;
  const match = new RegExp(`^${shape}$`, 'u').test(clean);
  if (match) return undefined;
  return new RegExp(shape, 'u').test(clean) ? shape : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
