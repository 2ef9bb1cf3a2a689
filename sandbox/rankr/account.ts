/** whoami: the account and key a request is made with (credential tests call it). */
import { route } from '../shared/http';
import type { RankrContext } from './context';

export const SANDBOX_ACCOUNT = { accountId: 'acc_sandbox', accountName: 'Rankr Sandbox', keyId: 'key_sandbox', keyName: 'Sandbox API key' };

export const accountRoutes = [route<RankrContext>('GET', '/v1/whoami', (ctx) => ctx.reply(200, SANDBOX_ACCOUNT))];
