/**
 * Jest's Node environment, with each test's console and logger output held back and printed only when
 * that test fails. Node tests make n8n-core log every API error they expect (hundreds of "GHL answered
 * 502" in a green run); a green `npm test` now shows the results and totals, and a failing test shows what
 * it logged, under its name. Output outside any test (beforeAll, afterAll) is printed when anything in the
 * file failed. JEST_SHOW_LOGS=1 prints everything as it comes.
 *
 * n8n's logger is winston's Console transport, which writes to console._stdout / console._stderr when the
 * console has them (jest's does), else calls console.log; both are caught. Everything held is still
 * handed to the secret scan (test/security/scanOutput.ts), printed or not.
 */
const { format } = require('node:util');
const { TestEnvironment } = require('jest-environment-node');

const METHODS = ['log', 'info', 'warn', 'error', 'debug'];

/** "describe › it" of a jest-circus test. */
function fullName(test) {
	const names = [];
	for (let block = test; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) names.unshift(block.name);
	return names.join(' › ');
}

class QuietEnvironment extends TestEnvironment {
	constructor(config, context) {
		super(config, context);
		this.showAll = process.env.JEST_SHOW_LOGS === '1';
		/** Output of the running test. */
		this.held = [];
		/** Output outside tests, kept until the file is done. */
		this.outside = [];
		this.fileFailed = false;
	}

	async setup() {
		await super.setup();
		if (this.showAll) return;
		// Jest gives the environment its console before setup; winston binds console.log when created later.
		const console = this.global.console;
		this.real = {};
		for (const method of METHODS) {
			this.real[method] = console[method].bind(console);
			console[method] = (...args) => this.held.push({ method, text: format(...args) });
		}
		// Where jest's console really writes (its verbose console, for one file in band, is Node's Console over
		// process streams); print() writes there, not into the catching streams below.
		this.realStreams = { _stdout: console._stdout, _stderr: console._stderr };
		const stream = (method) => ({
			// Node's Console guards each write with once/removeListener('error'); a bare object lacks them.
			listenerCount: () => 0,
			once() { return this; },
			on() { return this; },
			removeListener() { return this; },
			write: (chunk, ...rest) => {
				const text = String(chunk).replace(/\n$/, '');
				this.global.__recordForSecretScan?.(`console._${method === 'log' ? 'stdout' : 'stderr'}`, text);
				this.held.push({ method, text });
				rest.find((arg) => typeof arg === 'function')?.();
				return true;
			},
		});
		console._stdout = stream('log');
		console._stderr = stream('error');
	}

	print(heading, entries) {
		if (!entries.length) return;
		const console = this.global.console;
		const catching = { _stdout: console._stdout, _stderr: console._stderr };
		Object.assign(console, this.realStreams);
		try {
			this.real.log(`${heading}\n${entries.map((e) => `${e.method === 'log' ? '' : `[${e.method}] `}${e.text}`).join('\n')}`);
		} finally {
			Object.assign(console, catching);
		}
	}

	async handleTestEvent(event) {
		if (this.showAll) return;
		switch (event.name) {
			case 'test_start':
				this.outside.push(...this.held);
				this.held = [];
				break;
			case 'test_done':
				if (event.test.errors.length) {
					this.fileFailed = true;
					this.print(`Output of the failed test "${fullName(event.test)}":`, this.held);
				}
				this.held = [];
				break;
			case 'hook_failure':
				this.fileFailed = true;
				break;
			case 'run_finish':
				this.outside.push(...this.held);
				this.held = [];
				if (this.fileFailed) this.print('Output outside tests (beforeAll, afterAll) of a file with a failure:', this.outside);
				this.outside = [];
				break;
		}
	}
}

module.exports = QuietEnvironment;
