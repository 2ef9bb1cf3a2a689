import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

/** One operation of a node: its fields, the API calls it makes, and how it runs for one item. */
export interface OperationModule {
	/** Fields shown for this operation; the resource index adds the displayOptions. */
	description: INodeProperties[];
	/** The API calls it can make, "METHOD /path" as in the API's spec: feeds the README operation table. */
	routes: string[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

export type ResourceOperations = Record<string, OperationModule>;

/** Shows each operation's fields only for its resource and operation. */
export function operationFields(resource: string, operations: ResourceOperations): INodeProperties[] {
	return Object.entries(operations).flatMap(([operation, module]) =>
		updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, module.description),
	);
}

/** A route that changes nothing: GETs, and the POST searches GHL and Rankr offer. */
export function isReadRoute(route: string): boolean {
	return /^GET /.test(route) || /^POST \S*\/search$/.test(route);
}

/** What an item's first request would have been, caught by a preflight run (see routeItems). */
export interface PlannedRequest {
	method: string;
	path: string;
	body?: unknown;
}

/** Thrown by an API helper instead of sending while its context is in preflight. */
export class PreflightReached extends Error {
	constructor(readonly request: PlannedRequest) {
		super('preflight reached a request');
	}
}

const inPreflight = new WeakSet<object>();

/**
 * Called by an API helper (ghlRequest) just before it sends: during a preflight nothing is sent, the
 * request is handed back to the router instead, so every item's input is checked before any request.
 */
export function stopIfPreflight(ctx: object, request: PlannedRequest): void {
	if (inPreflight.has(ctx)) throw new PreflightReached(request);
}

export interface RouteOptions {
	/**
	 * Run every item up to its first request before sending anything (the node's API helper must call
	 * stopIfPreflight), and name the records that request touches, so items on one record keep their order.
	 */
	preflight?: { recordKeys(request: PlannedRequest): string[] };
}

/** Runs reads a few at a time (the transport paces them); output stays in input order. */
const PARALLEL_ITEMS = 8;

interface ItemPlan {
	write: boolean;
	/** Records the item touches; undefined when not known (then it is ordered against every item). */
	keys?: string[];
	/** An input error found before any request. */
	error?: unknown;
}

/**
 * The router every action node of the package uses: resource + operation → module, one call per item.
 * n8n's item contract: output in input order with pairedItem; with Continue On Fail a failed item becomes
 * an error item at its index; without it nothing after a failed item is sent. So, without Continue On
 * Fail a write waits for every earlier item and no item starts after a write until it succeeded; reads
 * between writes run in parallel. With it, items run in parallel except that items touching one record
 * run in input order.
 */
export async function routeItems(
	this: IExecuteFunctions,
	resources: Record<string, ResourceOperations>,
	options: RouteOptions = {},
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const results: INodeExecutionData[][] = new Array(items.length);

	const moduleOf = (itemIndex: number): OperationModule => {
		const resource = this.getNodeParameter('resource', itemIndex) as string;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const module = resources[resource]?.[operation];
		if (!module) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not known`, { itemIndex });
		}
		return module;
	};
	const asNodeError = (error: unknown, itemIndex: number) =>
		error instanceof NodeOperationError || error instanceof NodeApiError ? error : new NodeOperationError(this.getNode(), error as Error, { itemIndex });
	const errorItem = (error: unknown, itemIndex: number): INodeExecutionData[] => {
		const e = error as Error & { description?: string; httpCode?: string };
		return [
			{
				json: { error: e.message, ...(e.description ? { description: e.description } : {}), ...(e.httpCode ? { httpCode: e.httpCode } : {}) },
				pairedItem: { item: itemIndex },
			},
		];
	};

	const plans = await planItems.call(this, items.length, moduleOf, options);
	if (!continueOnFail) {
		const firstBad = plans.findIndex((p) => p.error !== undefined);
		if (firstBad >= 0) throw asNodeError(plans[firstBad].error, firstBad);
	}

	const runOne = async (itemIndex: number): Promise<INodeExecutionData[]> => {
		const data = await moduleOf(itemIndex).execute.call(this, itemIndex);
		return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(data), { itemData: { item: itemIndex } });
	};

	const running = new Map<number, Promise<void>>();
	let failure: { itemIndex: number; error: unknown } | undefined;
	const mustWaitFor = (itemIndex: number, earlier: number): boolean => {
		const mine = plans[itemIndex];
		const theirs = plans[earlier];
		if (!continueOnFail && (mine.write || theirs.write)) return true;
		if (!mine.write && !theirs.write) return false;
		if (!mine.keys || !theirs.keys) return true;
		return mine.keys.some((k) => theirs.keys?.includes(k));
	};

	for (let itemIndex = 0; itemIndex < items.length && !failure; itemIndex++) {
		const plan = plans[itemIndex];
		if (plan.error !== undefined) {
			results[itemIndex] = errorItem(plan.error, itemIndex);
			continue;
		}
		const before = [...running.entries()].filter(([earlier]) => mustWaitFor(itemIndex, earlier)).map(([, p]) => p);
		await Promise.all(before);
		while (running.size >= PARALLEL_ITEMS) await Promise.race(running.values());
		if (failure) break;
		const done = runOne(itemIndex).then(
			(out) => {
				results[itemIndex] = out;
			},
			(error: unknown) => {
				if (continueOnFail) results[itemIndex] = errorItem(error, itemIndex);
				else if (!failure || itemIndex < failure.itemIndex) failure = { itemIndex, error };
			},
		);
		running.set(
			itemIndex,
			done.finally(() => running.delete(itemIndex)),
		);
	}
	await Promise.all(running.values());
	if (failure) throw asNodeError(failure.error, failure.itemIndex);
	return [results.flat()];
}

/**
 * Each item's plan, before anything is sent: with a preflight every item runs until its first request
 * (which is not sent), so bad input of any item fails the run before a single request; the request says
 * which records the item touches.
 */
async function planItems(
	this: IExecuteFunctions,
	count: number,
	moduleOf: (itemIndex: number) => OperationModule,
	options: RouteOptions,
): Promise<ItemPlan[]> {
	const plans: ItemPlan[] = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		let module: OperationModule;
		try {
			module = moduleOf(itemIndex);
		} catch (error) {
			plans.push({ write: true, error });
			continue;
		}
		const write = !module.routes.every(isReadRoute);
		if (!options.preflight) {
			plans.push({ write });
			continue;
		}
		inPreflight.add(this);
		try {
			await module.execute.call(this, itemIndex);
			// Finished without a request (nothing to send): no record is touched.
			plans.push({ write, keys: [] });
		} catch (error) {
			if (error instanceof PreflightReached) plans.push({ write, keys: options.preflight.recordKeys(error.request) });
			else plans.push({ write, error });
		} finally {
			inPreflight.delete(this);
		}
	}
	return plans;
}
