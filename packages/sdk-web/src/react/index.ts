export { DialProvider, useDialClient, useFlag, useFlagDetails, type DialProviderProps } from './dial-react.js';
