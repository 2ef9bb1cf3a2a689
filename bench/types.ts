/** What a benchmark case hands back: measured lines for the table, its time scale, and plain-word notes. */
export interface Measure {
	/** What was measured, e.g. "ours ÷ floor". */
	what: string;
	value: string;
	goal?: string;
	met?: boolean;
}

export interface CaseResult {
	id: string;
	title: string;
	/** The time scale and sizes used (windows may be shrunk from GHL's real 10 s for speed). */
	scale: string;
	measures: Measure[];
	/** Causes of missed goals, what the built-in node did, anything a reader needs to trust the numbers. */
	notes: string[];
	seconds?: number;
}

export interface BenchCase {
	id: string;
	title: string;
	run(): Promise<CaseResult>;
}
