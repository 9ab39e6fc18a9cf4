// A Vue 3 item list (keyed v-for, written as a render function) re-rendered every second: the page's own stock
// changes at each tick and the order rotates by one product. Vue sets an element's text by replacing its children,
// which takes out anything else inside it (Xiaoer's badge). ?rows=N (default 20), ?first=N, ?every=ms.
import { createApp, h, onMounted, onUnmounted, ref } from 'vue';
import { cellsOf } from './row.js';
import { watchBadges } from './badge-watch.js';

const params = new URLSearchParams(location.search);
const ROWS = Number(params.get('rows') ?? 20);
const FIRST = Number(params.get('first') ?? 2001);
const EVERY = Number(params.get('every') ?? 1000);

const ItemList = {
  setup() {
    const tick = ref(0);
    let timer;
    onMounted(() => (timer = setInterval(() => (window.__pageTicks = ++tick.value), EVERY)));
    onUnmounted(() => clearInterval(timer));
    return () =>
      h('table', { class: 'item-table' }, [
        h(
          'tbody',
          Array.from({ length: ROWS }, (_, k) => FIRST + ((k + tick.value) % ROWS)).map((i) => {
            const cells = cellsOf(i);
            // The page's stock moves by one at each tick (orders come in): the cell's text changes every second.
            const stock = String(Number(cells.stock) + (tick.value % 2));
            return h('tr', { class: 'next-table-row', key: i }, [
              h('td', { class: 'item-id' }, cells.id),
              h('td', { class: 'item-title' }, cells.title),
              h('td', { class: 'outer-code' }, cells.code),
              h('td', { class: 'stock-num' }, stock),
            ]);
          }),
        ),
      ]);
  },
};

watchBadges();
createApp(ItemList).mount('#app');
