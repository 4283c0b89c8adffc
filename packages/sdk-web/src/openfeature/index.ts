export { DialWebProvider, toDialContext, type DialWebProviderOptions } from './dial-web-provider.js';
