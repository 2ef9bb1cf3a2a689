/**
 * Jest global setup of the e2e suite: names the file where the shared queue-mode cluster is written down
 * (test/e2e/harness/queue.ts). Nothing starts here: the first queue test file starts the cluster, so a run
 * without queue tests pays nothing.
 */
import os from 'node:os';
import path from 'node:path';

import { SHARED_STATE_ENV } from './queue';

export default function queueGlobalSetup(): void {
	process.env[SHARED_STATE_ENV] ??= path.join(os.tmpdir(), `ghl-rankr-queue-state-${process.pid}-${Date.now()}.json`);
}
