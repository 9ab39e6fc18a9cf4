/**
 * Words that mark a parcel locker or pick-up station instead of a door:
 * bulky, fresh or signature-required goods may not be accepted there.
 */
const PICKUP_WORDS = [
  '菜鸟驿站', '妈妈驿站', '快递驿站', '驿站', '自提点', '自提', '代收点', '代收', '快递柜', '智能柜',
  '丰巢', '菜鸟', '收发室', '快递超市', '兔喜',
];

export function findPickupWord(text: string): string | undefined {
  const folded = text.normalize('NFKC');
  return PICKUP_WORDS.find((word) => folded.includes(word));
}
