// History-API router: nav clicks pushState (no reload), back/forward via popstate.
// #qn-main is emptied and rebuilt on every route change, like a real SPA.
import { mountItems } from './items-view.js';
import { mountOrders } from './orders-view.js';
import { mountOrderDetail } from './order-detail-view.js';
import { mountChat } from './chat-view.js';
import { h } from './dom.js';

const SHOP = '小二演示旗舰店';
const ROUTES = {
  '/console/items': { title: '出售中的宝贝', mount: mountItems },
  '/console/orders': { title: '已卖出的宝贝', mount: mountOrders },
  '/console/orders/detail': { title: '订单详情', mount: mountOrderDetail },
  '/console/chat': { title: '接待中心', mount: mountChat },
};

let main = null;
let unmount = null;

export function navigate(url) {
  history.pushState(null, '', url);
  render();
}

function render() {
  let path = location.pathname.replace(/\/+$/, '');
  if (path === '/console' || path === '') {
    history.replaceState(null, '', '/console/items' + location.search);
    path = '/console/items';
  }
  unmount?.();
  unmount = null;
  main.replaceChildren();
  const route = ROUTES[path];
  for (const a of document.querySelectorAll('.qn-nav-link')) {
    a.classList.toggle('is-active', a.getAttribute('href') === path);
  }
  if (!route) {
    document.title = `页面不存在 - ${SHOP}`;
    main.append(h('div', { class: 'qn-empty' }, '页面不存在，请从左侧菜单进入。'));
    return;
  }
  document.title = `${route.title} - ${SHOP} - 卖家中心`;
  unmount = route.mount(main) ?? null;
}

export function startRouter(mainEl) {
  main = mainEl;
  document.addEventListener('click', (e) => {
    const a = e.target.closest?.('a.qn-nav-link');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(a.getAttribute('href'));
  });
  window.addEventListener('popstate', render);
  render();
}
