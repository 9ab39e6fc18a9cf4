/**
 * Class names, ids and attribute values that a build tool or framework generated: they change with every release
 * (css-modules hashes, styled-components, emotion, Vue scoped styles), so a selector built on them breaks at the next
 * console update. The teach overlay never proposes them.
 */

/** Prefixes of CSS-in-JS libraries: styled-components (`sc-`), emotion (`css-`), JSS (`jss`), MUI makeStyles (`makeStyles-`). */
const GENERATED_PREFIX = /^(sc-|css-|jss\d|makeStyles-|emotion-|styled-|svelte-)/;
/** A css-modules name: `_x1y2z`, `Button_root__3xK9a`, `index-module__title--AbC12`, `title___2Fz9q`. */
const CSS_MODULE = /(^_[a-zA-Z0-9]{4,}$)|(__[a-zA-Z0-9]{5,}$)|(--[a-zA-Z0-9]{5,}$)|(_{2,3}[a-zA-Z0-9_-]*\d[a-zA-Z0-9]*$)/;

/** Whether a class name looks generated (hashed, or from a CSS-in-JS library). */
export function isGeneratedClass(name: string): boolean {
  if (!name) return true;
  if (GENERATED_PREFIX.test(name) || CSS_MODULE.test(name)) return true;
  // Vue's scoped style marker as a class, and tailwind-like arbitrary values that carry no meaning for a part.
  if (/^data-v-/.test(name) || /[[\]:]/.test(name)) return true;
  return hasRandomSegment(name);
}

/** Whether an id looks generated: framework ids (`:r1:`, `rc_select_3`, `el-id-1024-5`), counters, hashes. */
export function isGeneratedId(id: string): boolean {
  if (!id || /^\d/.test(id) || /[:]/.test(id)) return true;
  if (/(^|[-_])(rc|el-id|ember|react|radix|headlessui|mui|ant|vue|uid|id)[-_]?\d/i.test(id)) return true;
  // A counter at the end (`rc_select_3`, `tab-12`) or a long number: one instance of a list, or a render's id.
  if (/\d{3,}/.test(id) || /[-_]\d+$/.test(id)) return true;
  return hasRandomSegment(id);
}

/** Attribute names that are framework noise, never a hook: Vue scoped-style markers, React/Angular internals. */
export function isNoiseAttribute(name: string): boolean {
  return /^data-v-[0-9a-f]{6,}$/.test(name) || /^(data-reactid|data-react-|_ng|ng-|data-styled|data-emotion|data-testid-hash)/.test(name);
}

/**
 * A segment (split on `-` or `_`) of 5+ characters that mixes letters and digits with no vowel-like regularity:
 * `btn-a8f3k2`, `item_x9K2pQ`. Words with a version digit (`h5`, `col-2`, `v2`) are short and pass.
 */
function hasRandomSegment(name: string): boolean {
  return name.split(/[-_]+/).some((segment) => {
    if (segment.length < 5) return false;
    const digits = (segment.match(/\d/g) ?? []).length;
    const letters = (segment.match(/[a-zA-Z]/g) ?? []).length;
    if (digits && letters && digits >= 2) return true;
    // Mixed case inside a segment without a word shape (e.g. `kQzPxa`): camelCase words start lower then one capital.
    return /^[a-zA-Z]+$/.test(segment) && (segment.match(/[A-Z]/g) ?? []).length >= 2 && !/^[a-z]+([A-Z][a-z]+)+$/.test(segment) && !/^[A-Z][a-z]+([A-Z][a-z]+)*$/.test(segment);
  });
}
