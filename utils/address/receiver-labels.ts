/**
 * Splits text such as `收货人：张三 手机：138-0013-8000 地址：浙江省…` into
 * labelled pieces. Consoles and buyers label fields in many ways; unlabelled
 * text is kept as a free piece for the heuristics.
 */

export type ReceiverField = 'name' | 'phone' | 'address' | 'zip';

export interface LabelledPiece {
  readonly field: ReceiverField | undefined;
  readonly text: string;
}

// Longest first within each field so 收货人姓名 is not read as 收货人 + 姓名.
const LABELS: ReadonlyArray<readonly [ReceiverField, readonly string[]]> = [
  ['name', ['收货人姓名', '收件人姓名', '收货人', '收件人', '联系人', '姓名', '名字', 'consignee', 'receiver', 'name']],
  ['phone', ['手机号码', '联系电话', '电话号码', '联系方式', '手机号', '手机', '电话', '固话', 'mobile', 'phone', 'tel']],
  ['address', ['收货地址', '收件地址', '详细地址', '所在地区', '所在地', '地址', 'address']],
  ['zip', ['邮政编码', '邮编', 'postcode', 'zip']],
];

const FIELD_BY_LABEL = new Map<string, ReceiverField>(
  LABELS.flatMap(([field, labels]) => labels.map((label) => [label, field] as const)),
);

const ALL_LABELS = [...FIELD_BY_LABEL.keys()].sort((a, b) => b.length - a.length);
// A label counts only when a colon or a space follows it (手机店 is not a label).
const LABEL = new RegExp(`(?<![A-Za-z])(${ALL_LABELS.join('|')})\\s*(?::|\\s)\\s*`, 'gi');

export function splitByLabels(text: string): LabelledPiece[] {
  const pieces: LabelledPiece[] = [];
  let field: ReceiverField | undefined;
  let from = 0;
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    pieces.push({ field, text: text.slice(from, m.index) });
    field = FIELD_BY_LABEL.get((m[1] ?? '').toLowerCase());
    from = m.index + m[0].length;
  }
  pieces.push({ field, text: text.slice(from) });
  return pieces.filter((p) => p.text.trim() !== '' || p.field !== undefined);
}
