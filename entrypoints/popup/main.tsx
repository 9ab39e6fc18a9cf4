import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/common/base.css';
import '@/components/popup/popup.css';

document.documentElement.lang = browser.i18n.getUILanguage();
render(<PopupApp />, document.getElementById('app')!);
