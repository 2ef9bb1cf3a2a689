/**
 * Registered in setupFilesAfterEnv: copies everything a test file prints through console into the run's
 * scan folder, so the secret-scan reporter sees it even when jest streams output instead of buffering it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';

import { CAPTURE_PREFIX, SCAN_DIR_ENV } from './secrets';

const dir = process.env[SCAN_DIR_ENV];
if (dir && fs.existsSync(dir)) {
	const testPath = expect.getState().testPath ?? 'unknown test file';
	const file = path.join(dir, `${CAPTURE_PREFIX}${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.log`);
	fs.writeFileSync(file, `# ${testPath}\n`);
	const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
	for (const method of methods) {
		const original = console[method].bind(console);
		console[method] = (...args: unknown[]) => {
			fs.appendFileSync(file, `${format(...args)}\n`);
			original(...args);
		};
	}
}
