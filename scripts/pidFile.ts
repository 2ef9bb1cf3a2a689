/**
 * Claims shared by demos running at once on one machine: a file created exclusively, holding the claiming
 * process's id. A claim whose process is gone (a demo killed with SIGKILL) is stale and taken over.
 */
import fs from 'node:fs';

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Claims `file` for this process; returns its release, or undefined while a live process holds it. */
export function tryClaim(file: string): (() => void) | undefined {
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				process.off('exit', release);
				fs.rmSync(file, { force: true });
			};
			process.on('exit', release);
			return release;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = Number(fs.readFileSync(file, 'utf8'));
			if (holder && alive(holder)) return undefined;
			fs.rmSync(file, { force: true });
		}
	}
	return undefined;
}

/** Runs `work` while holding `file` (waiting, checked every 200 ms, while another process holds it). */
export async function withClaim<T>(file: string, work: () => T | Promise<T>): Promise<T> {
	let release = tryClaim(file);
	while (!release) {
		await new Promise((resolve) => setTimeout(resolve, 200));
		release = tryClaim(file);
	}
	try {
		return await work();
	} finally {
		release();
	}
}
