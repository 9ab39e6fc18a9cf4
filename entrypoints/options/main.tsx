import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/common/base.css';
import '@/components/options/options.css';

document.documentElement.lang = browser.i18n.getUILanguage();
render(<OptionsApp />, document.getElementById('app')!);
