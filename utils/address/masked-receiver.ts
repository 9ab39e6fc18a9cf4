/**
 * Whether a receiver is shown masked, as order lists do until the agent opens it (王**，138****1234, 陕西安康市紫阳县
 * **********): two or more `*` (or ＊) in a row in the name, phone or address. Such a receiver cannot be checked —
 * a masked phone is not a wrong phone — so the card asks the agent to open it instead of listing problems.
 */
export function isMaskedReceiver(raw: { name?: string; phone?: string; address: string }): boolean {
  return [raw.name, raw.phone, raw.address].some((text) => /[*＊]{2,}/.test(text ?? ''));
}
