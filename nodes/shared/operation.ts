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

/** Runs items a few at a time (the transport paces them) and keeps output in input order. */
const PARALLEL_ITEMS = 8;

/**
 * The router every action node of the package uses: resource + operation → module, one call per item,
 * errors as NodeOperationError/NodeApiError naming the item, continueOnFail as error items with pairedItem.
 */
export async function routeItems(
	this: IExecuteFunctions,
	resources: Record<string, ResourceOperations>,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results: INodeExecutionData[][] = new Array(items.length);
	let failure: unknown;
	let next = 0;

	const runOne = async (itemIndex: number): Promise<INodeExecutionData[]> => {
		const resource = this.getNodeParameter('resource', itemIndex) as string;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const module = resources[resource]?.[operation];
		if (!module) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not known`, {
				itemIndex,
			});
		}
		const data = await module.execute.call(this, itemIndex);
		return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(data), {
			itemData: { item: itemIndex },
		});
	};

	const worker = async () => {
		while (failure === undefined && next < items.length) {
			const itemIndex = next++;
			try {
				results[itemIndex] = await runOne(itemIndex);
			} catch (error) {
				if (this.continueOnFail()) {
					const e = error as Error & { description?: string; httpCode?: string };
					results[itemIndex] = [
						{
							json: { error: e.message, ...(e.description ? { description: e.description } : {}), ...(e.httpCode ? { httpCode: e.httpCode } : {}) },
							pairedItem: { item: itemIndex },
						},
					];
				} else if (failure === undefined) {
					failure =
						error instanceof NodeOperationError || error instanceof NodeApiError
							? error
							: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(PARALLEL_ITEMS, items.length) }, worker));
	if (failure !== undefined) throw failure;
	return [results.flat()];
}
