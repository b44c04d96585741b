// The message protocol between content scripts, extension pages and the background: one typed map of requests to
// results (protocol.ts), validated and sender-checked by the router (server.ts), called through sendRequest (client.ts).
export * from './envelope';
export * from './protocol';
export * from './server';
export * from './client';
export * from './events';
export type { Note } from '@/utils/model';
export * from './port-rpc';
export * from './page-port';
export * from './tab-commands';
