export { DialProvider, toDialContext } from './dial-provider.js';
