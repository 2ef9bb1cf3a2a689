/** The package's node types, loaded from source, as n8n's NodeTypes would serve them. */
import type { INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

const registry = new Map<string, INodeType | IVersionedNodeType>();

/** Registers a node class under `n8n-nodes-ghl-rankr.<name>` (as n8n names community nodes). */
export function registerNodeType(name: string, type: INodeType | IVersionedNodeType): string {
	const fullName = `n8n-nodes-ghl-rankr.${name}`;
	registry.set(fullName, type);
	return fullName;
}

export const nodeTypes: INodeTypes = {
	getByName(name: string) {
		const type = registry.get(name);
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	},
	getByNameAndVersion(name: string, version?: number) {
		const type = registry.get(name);
		if (!type) throw new Error(`Unknown node type ${name}`);
		return NodeHelpers.getVersionedNodeType(type, version);
	},
	getKnownTypes() {
		return {};
	},
};
